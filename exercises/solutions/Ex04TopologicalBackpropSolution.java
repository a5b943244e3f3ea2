///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java
//DEPS guru.nidi:graphviz-java:0.18.1
//DEPS org.slf4j:slf4j-nop:1.7.36

import dev.micrograd.engine.Value;
import dev.micrograd.exercise.Ex04Checks;
import dev.micrograd.exercise.Scalar;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reference solution of exercises 4. */
class Ex04TopologicalBackpropSolution implements Ex04Checks.Tasks {
    public static void main(String... args) {
        Ex04Checks.main(args, Ex04TopologicalBackpropSolution::new);
    }

    @Override
    public List<Value> topologicalOrder(Value root) {
        List<Value> order = new ArrayList<>();
        Set<Value> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        // Each stack entry is a value and the iterator over the children still to visit.
        Deque<Value> values = new ArrayDeque<>();
        Deque<Iterator<Value>> pending = new ArrayDeque<>();
        visited.add(root);
        values.push(root);
        pending.push(root.children().iterator());
        while (!values.isEmpty()) {
            Iterator<Value> children = pending.peek();
            if (children.hasNext()) {
                Value child = children.next();
                if (visited.add(child)) {
                    values.push(child);
                    pending.push(child.children().iterator());
                }
            } else {
                order.add(values.pop());
                pending.pop();
            }
        }
        return order;
    }

    @Override
    public void backward(Value root) {
        List<Value> order = topologicalOrder(root);
        root.setGrad(1.0);
        for (int i = order.size() - 1; i >= 0; i--) {
            order.get(i).backwardStep();
        }
    }

    @Override
    public Scalar add(Scalar x, Scalar y) {
        Scalar out = new Scalar(x.data + y.data, "+", x, y);
        out.onBackward(() -> {
            x.grad += out.grad;
            y.grad += out.grad;
        });
        return out;
    }

    @Override
    public Scalar mul(Scalar x, Scalar y) {
        Scalar out = new Scalar(x.data * y.data, "*", x, y);
        out.onBackward(() -> {
            x.grad += y.data * out.grad;
            y.grad += x.data * out.grad;
        });
        return out;
    }
}
