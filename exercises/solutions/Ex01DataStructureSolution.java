///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java
//DEPS guru.nidi:graphviz-java:0.18.1
//DEPS org.slf4j:slf4j-nop:1.7.36

import dev.micrograd.engine.Value;
import dev.micrograd.exercise.Ex01Checks;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/** Reference solution of exercises 1. */
class Ex01DataStructureSolution implements Ex01Checks.Tasks {
    public static void main(String... args) {
        Ex01Checks.main(args, Ex01DataStructureSolution::new);
    }

    @Override
    public Value buildL() {
        Value a = Value.of(2.0, "a");
        Value b = Value.of(-3.0, "b");
        Value c = Value.of(10.0, "c");
        Value f = Value.of(-2.0, "f");
        Value d = a.mul(b).label("d");
        Value e = d.add(c).label("e");
        return e.mul(f).label("L");
    }

    @Override
    public int countNodes(Value root) {
        // Values compare by identity: two leaves holding 2.0 are still two nodes.
        Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Value> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Value v = todo.pop();
            if (seen.add(v)) {
                v.children().forEach(todo::push);
            }
        }
        return seen.size();
    }

    @Override
    public int depth(Value root) {
        int deepest = -1;
        for (Value child : root.children()) {
            deepest = Math.max(deepest, depth(child));
        }
        return deepest + 1;
    }
}
