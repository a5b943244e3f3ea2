///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/lesson/*.java
//DEPS guru.nidi:graphviz-java:0.18.1
//DEPS org.graalvm.js:js:22.3.5
//DEPS org.slf4j:slf4j-nop:1.7.36

import dev.micrograd.engine.Value;
import dev.micrograd.lesson.Lesson;

/** Chapter 1: a Value holds data, and remembers the values and the operation that made it. */
class Ch01DataStructure {
    public static void main(String... args) {
        Lesson.main(args, "ch01", "Data structure", Ch01DataStructure::teach);
    }

    static void teach(Lesson lesson) {
        // tag::leaves[]
        Value a = Value.of(2.0, "a");
        Value b = Value.of(-3.0, "b");
        Value c = Value.of(10.0, "c");
        // end::leaves[]
        lesson.show("leaves", "Three leaves", a + "\n" + b + "\n" + c);

        // tag::expression[]
        Value d = a.mul(b).label("d");
        Value e = d.add(c).label("e");
        Value f = Value.of(-2.0, "f");
        Value L = e.mul(f).label("L");
        // end::expression[]
        lesson.show("expression", "L = (a*b + c) * f", "d = " + d + "\ne = " + e + "\nL = " + L);
        lesson.check("d", -6.0, d.data());
        lesson.check("e", 4.0, e.data());
        lesson.check("L", -8.0, L.data());

        // tag::children[]
        String made = "d.children() = " + d.children() + "\n"
                + "d.op()       = " + d.op() + "\n"
                + "L.children() = " + L.children() + "\n"
                + "L.op()       = " + L.op();
        // end::children[]
        lesson.show("children", "What d and L were made from", made);
        lesson.check("d's children", java.util.List.of(a, b), d.children());
        lesson.check("d's op", "*", d.op());
        lesson.check("L's op", "*", L.op());

        // tag::leaf[]
        String leaf = "a.children() = " + a.children() + ", a.op() = \"" + a.op() + "\", a.grad() = " + a.grad();
        // end::leaf[]
        lesson.show("leaf", "A leaf has no children and no op", leaf);
        lesson.check("a is a leaf", true, a.isLeaf());
    }
}
