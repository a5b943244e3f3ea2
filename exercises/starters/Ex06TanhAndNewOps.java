///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java

import dev.micrograd.exercise.Ex06Checks;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Exercises 6: exp, pow, log, the composites and tanh via exp for your Value. Run it with ./jbang ex06. */
class Ex06TanhAndNewOps implements Ex06Checks.Tasks<Ex06TanhAndNewOps.Value> {
    public static void main(String... args) {
        Ex06Checks.main(args, Ex06TanhAndNewOps::new);
    }

    /** Your Value as exercises 4 left it, about to learn exp, pow, log and the composites. */
    static final class Value {
        double data;
        final List<Value> children;
        final String op;
        String label;
        double grad;
        /** Adds this value's share of the gradient into its children's; a leaf has nothing to pass on. */
        Runnable backwardStep = () -> { };

        Value(double data, String label) {
            this(data, List.of(), "", label);
        }

        Value(double data, List<Value> children, String op, String label) {
            this.data = data;
            this.children = children;
            this.op = op;
            this.label = label;
        }

        Value add(Value other) {
            Value out = new Value(data + other.data, List.of(this, other), "+", "");
            out.backwardStep = () -> {
                grad += out.grad;
                other.grad += out.grad;
            };
            return out;
        }

        Value mul(Value other) {
            Value out = new Value(data * other.data, List.of(this, other), "*", "");
            out.backwardStep = () -> {
                grad += other.data * out.grad;
                other.grad += data * out.grad;
            };
            return out;
        }

        Value tanh() {
            Value out = new Value(Math.tanh(data), List.of(this), "tanh", "");
            out.backwardStep = () -> grad += (1 - out.data * out.data) * out.grad;
            return out;
        }

        // tag::exp[]
        /** Task 1: e to the power of this, with its backward step. */
        Value exp() {
            // TODO(student): a new Value made by "exp" from this alone, and a step that adds into grad (+=)
            throw new UnsupportedOperationException("TODO: task 1, exp");
        }
        // end::exp[]

        // tag::pow[]
        /** Task 2: this to the power p, a constant, with its backward step. */
        Value pow(double p) {
            // TODO(student): a new Value made by "^" + p from this alone; p is a number, not a child
            throw new UnsupportedOperationException("TODO: task 2, pow");
        }
        // end::pow[]

        // tag::composites[]
        /** Task 3: -this, as a one-liner over the operations above. */
        Value neg() {
            // TODO(student): this times a leaf holding -1
            throw new UnsupportedOperationException("TODO: task 3, neg");
        }

        /** Task 3: this - other, as a one-liner. */
        Value sub(Value other) {
            // TODO(student): add the negation of other
            throw new UnsupportedOperationException("TODO: task 3, sub");
        }

        /** Task 3: this / other, as a one-liner. */
        Value div(Value other) {
            // TODO(student): multiply by other to the power -1
            throw new UnsupportedOperationException("TODO: task 3, div");
        }
        // end::composites[]

        // tag::tanh-via-exp[]
        /** Task 4: tanh(this) rebuilt from exp, add, sub and div, with no backward step of its own. */
        Value tanhViaExp() {
            // TODO(student): e = exp(2 * this), then (e - 1) / (e + 1), every step a Value operation
            throw new UnsupportedOperationException("TODO: task 4, tanh via exp");
        }
        // end::tanh-via-exp[]

        // tag::log[]
        /** Task 5: the natural logarithm of this, with its backward step. */
        Value log() {
            // TODO(student): the pattern of exp, with Math.log and the local derivative 1 / data
            throw new UnsupportedOperationException("TODO: task 5, log");
        }
        // end::log[]

        /** Every value behind this one once, each after all of its children, this one last. */
        List<Value> topologicalOrder() {
            List<Value> order = new ArrayList<>();
            visit(this, Collections.newSetFromMap(new IdentityHashMap<>()), order);
            return order;
        }

        /** Adds v after everything behind it, unless an earlier visit has added it. */
        private static void visit(Value v, Set<Value> visited, List<Value> order) {
            if (visited.add(v)) {
                for (Value child : v.children) {
                    visit(child, visited, order);
                }
                order.add(v);
            }
        }

        /** The same order without recursion, so that a graph of any depth works. */
        List<Value> topologicalOrderWithoutRecursion() {
            List<Value> order = new ArrayList<>();
            Set<Value> visited = Collections.newSetFromMap(new IdentityHashMap<>());
            // Each stack entry is a value and the iterator over the children still to visit.
            Deque<Value> values = new ArrayDeque<>();
            Deque<Iterator<Value>> pending = new ArrayDeque<>();
            visited.add(this);
            values.push(this);
            pending.push(children.iterator());
            while (!values.isEmpty()) {
                Iterator<Value> next = pending.peek();
                if (next.hasNext()) {
                    Value child = next.next();
                    if (visited.add(child)) {
                        values.push(child);
                        pending.push(child.children.iterator());
                    }
                } else {
                    order.add(values.pop());
                    pending.pop();
                }
            }
            return order;
        }

        /** Fills the gradient of every value behind this one: d(this)/d(value). */
        void backward() {
            List<Value> order = topologicalOrder();
            grad = 1;
            for (int i = order.size() - 1; i >= 0; i--) {
                order.get(i).backwardStep.run();
            }
        }

        Value label(String label) {
            this.label = label;
            return this;
        }

        @Override
        public String toString() {
            return "Value(data=" + data + ")";
        }
    }

    // The checks build and read expressions of your Value through these one-liners: nothing to change here.
    @Override
    public Value leaf(double data, String label) {
        return new Value(data, label);
    }

    @Override
    public Value add(Value a, Value b) {
        return a.add(b);
    }

    @Override
    public Value mul(Value a, Value b) {
        return a.mul(b);
    }

    @Override
    public double data(Value v) {
        return v.data;
    }

    @Override
    public String op(Value v) {
        return v.op;
    }

    @Override
    public String label(Value v) {
        return v.label;
    }

    @Override
    public void setLabel(Value v, String label) {
        v.label(label);
    }

    @Override
    public List<Value> children(Value v) {
        return v.children;
    }

    @Override
    public Value tanh(Value v) {
        return v.tanh();
    }

    @Override
    public double grad(Value v) {
        return v.grad;
    }

    @Override
    public void setGrad(Value v, double grad) {
        v.grad = grad;
    }

    @Override
    public void backwardStep(Value v) {
        v.backwardStep.run();
    }

    @Override
    public void backward(Value v) {
        v.backward();
    }

    @Override
    public Value exp(Value v) {
        return v.exp();
    }

    @Override
    public Value pow(Value v, double exponent) {
        return v.pow(exponent);
    }

    @Override
    public Value neg(Value v) {
        return v.neg();
    }

    @Override
    public Value sub(Value a, Value b) {
        return a.sub(b);
    }

    @Override
    public Value div(Value a, Value b) {
        return a.div(b);
    }

    @Override
    public Value log(Value v) {
        return v.log();
    }

    @Override
    public Value tanhViaExp(Value n) {
        return n.tanhViaExp();
    }
}
