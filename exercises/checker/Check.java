///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/similarity/*.java
//DEPS de.jplag:jplag:4.3.0
//DEPS de.jplag:java:4.3.0
//DEPS org.slf4j:slf4j-nop:1.7.36

/**
 * The trusted checker behind ./jbang exNN, check, grade and learn: it compiles the exercise files and runs
 * them in separate, supervised JVMs, so nothing in a student's file runs here.
 */
class Check {
    public static void main(String... args) {
        dev.micrograd.exercise.Checker.main(args);
    }
}
