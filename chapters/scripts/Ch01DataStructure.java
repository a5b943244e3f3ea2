///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings --enable-native-access=ALL-UNNAMED -Dsun.misc.unsafe.memory.access=allow
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../../viz/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/lesson/*.java
//SOURCES ../lecture/dev/micrograd/lecture/ch01/Value.java
//DEPS guru.nidi:graphviz-java:0.18.1
//DEPS org.graalvm.polyglot:polyglot:25.0.2
//DEPS org.graalvm.js:js-language:25.0.2
//DEPS org.slf4j:slf4j-nop:1.7.36

import dev.micrograd.lecture.ch01.Value;
import dev.micrograd.lesson.Lesson;
import java.util.List;

/** Chapter 1: a Value holds data, and remembers the values and the operation that made it. */
class Ch01DataStructure {
    public static void main(String... args) {
        Lesson.main(args, "ch01", "Data structure", Ch01DataStructure::teach);
    }

    static void teach(Lesson lesson) {
        // tag::leaves[]
        Value a = new Value(2.0, "a");
        Value b = new Value(-3.0, "b");
        Value c = new Value(10.0, "c");
        // end::leaves[]
        lesson.show("leaves", "Three leaves", a + "\n" + b + "\n" + c);
        lesson.check("a", 2.0, a.data);

        // tag::expression[]
        Value d = a.mul(b);
        d.label = "d";
        Value e = d.add(c);
        e.label = "e";
        Value f = new Value(-2.0, "f");
        Value L = e.mul(f);
        L.label = "L";
        // end::expression[]
        lesson.show("expression", "L = (a*b + c) * f", "d = " + d + "\ne = " + e + "\nL = " + L);
        lesson.check("d", -6.0, d.data);
        lesson.check("e", 4.0, e.data);
        lesson.check("L", -8.0, L.data);

        // tag::engine[]
        var engineL = engine(2.0).mul(engine(-3.0)).add(engine(10.0)).mul(engine(-2.0));
        // end::engine[]
        lesson.show("engine", "The same expression in the engine", "L = " + engineL.data() + " (ours: " + L.data + ")");
        lesson.check("L as the engine computes it", engineL.data(), L.data);
        lesson.check("the engine's d", engineL.children().get(0).children().get(0).data(), d.data);

        // tag::children[]
        String made = "d.children = " + d.children + "\n"
                + "d.op       = \"" + d.op + "\"\n"
                + "L.children = " + L.children + "\n"
                + "L.op       = \"" + L.op + "\"";
        // end::children[]
        lesson.show("children", "What d and L were made from", made);
        lesson.check("d's children", List.of(a, b), d.children);
        lesson.check("d's op", "*", d.op);
        lesson.check("L's children", List.of(e, f), L.children);
        lesson.check("L's op", "*", L.op);
        lesson.check("the engine's op of L", engineL.op(), L.op);

        // tag::leaf[]
        String leaf = "a.children = " + a.children + ", a.op = \"" + a.op + "\", a.label = \"" + a.label + "\"";
        // end::leaf[]
        lesson.show("leaf", "A leaf has no children and no op", leaf);
        lesson.check("a's children", List.of(), a.children);
        lesson.check("a's op", "", a.op);

        // tag::twice[]
        Value twice = a.add(a);
        // end::twice[]
        lesson.show("twice", "a + a: the list holds a twice, in operand order",
                "twice = " + twice + "\ntwice.children = " + twice.children);
        lesson.check("a + a", 4.0, twice.data);
        lesson.check("a + a keeps two children", 2, twice.children.size());
        lesson.check("both children are a", true, twice.children.get(0) == a && twice.children.get(1) == a);
        var engineA = engine(2.0);
        lesson.check("the engine keeps two children too", engineA.add(engineA).children().size(), twice.children.size());
    }

    /** A leaf of the shared engine, which this chapter's Value must agree with. */
    static dev.micrograd.engine.Value engine(double data) {
        return dev.micrograd.engine.Value.of(data);
    }
}
