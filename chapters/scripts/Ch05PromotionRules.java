///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings --enable-native-access=ALL-UNNAMED -Dsun.misc.unsafe.memory.access=allow
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../../viz/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/lesson/*.java
//SOURCES ../lecture/dev/micrograd/lecture/ch05/Value.java
//DEPS guru.nidi:graphviz-java:0.18.1
//DEPS org.graalvm.polyglot:polyglot:25.0.2
//DEPS org.graalvm.js:js-language:25.0.2
//DEPS org.slf4j:slf4j-nop:1.7.36

import static dev.micrograd.lecture.ch05.Value.sum;

import dev.micrograd.engine.DType;
import dev.micrograd.engine.Value;
import dev.micrograd.lesson.Lesson;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** Chapter 5: plain numbers meet the lecture's Value; then what type a result has when a Value meets another type. */
class Ch05PromotionRules {
    public static void main(String... args) {
        Lesson.main(args, "ch05", "Plain numbers, and number types", Ch05PromotionRules::teach);
    }

    static void teach(Lesson lesson) throws IOException {
        plainNumbers(lesson);
        dtypes(lesson);
    }

    /** The lecture's point: a + 1, 2 * a and sum() with plain numbers, on the growing class. */
    static void plainNumbers(Lesson lesson) throws IOException {
        // tag::plain-numbers[]
        var a = new dev.micrograd.lecture.ch05.Value(2.0, "a");
        var aPlusOne = a.add(1);
        var twoA = a.mul(2);
        // end::plain-numbers[]
        lesson.show("plain-numbers", "a + 1 and 2 * a, each number wrapped in a leaf of its own",
                "a.add(1) = " + aPlusOne + ", its children: " + aPlusOne.children.get(0).label + " and "
                        + aPlusOne.children.get(1).label + "\n"
                        + "a.mul(2) = " + twoA + ", its children: " + twoA.children.get(0).label + " and "
                        + twoA.children.get(1).label);
        lesson.check("a + 1", 3.0, aPlusOne.data);
        lesson.check("2 * a", 4.0, twoA.data);
        lesson.check("the wrapped 1 is a leaf labelled with its value", "1.0", aPlusOne.children.get(1).label);
        lesson.graph("a-plus-one", "a.add(1): the 1 became a leaf of the graph", aPlusOne.dot());

        // tag::two-times-a[]
        String source = "class TwoTimesA { Object twice(dev.micrograd.lecture.ch05.Value a) { return 2 * a; } }";
        String error = compileError(source);
        // end::two-times-a[]
        lesson.show("two-times-a", "What javac says to 2 * a", source + "\n\n" + error);
        lesson.check("javac refuses 2 * a", true, error.contains("bad operand types for binary operator '*'"));

        // tag::sum[]
        var x = new dev.micrograd.lecture.ch05.Value(1.0, "x");
        var y = new dev.micrograd.lecture.ch05.Value(2.0, "y");
        var z = new dev.micrograd.lecture.ch05.Value(3.0, "z");
        var total = sum(List.of(x, y, z));
        total.backward();
        String empty;
        try {
            empty = "" + sum(List.of());
        } catch (IllegalArgumentException e) {
            empty = "IllegalArgumentException: " + e.getMessage();
        }
        // end::sum[]
        lesson.show("sum", "sum(List.of(x, y, z)): (x + y) + z, with no 0 in the graph",
                "total = " + total + ", nodes in its graph: " + total.topologicalOrder().size() + "\n"
                        + "x.grad = " + x.grad + ", y.grad = " + y.grad + ", z.grad = " + z.grad + "\n"
                        + "sum(List.of()) -> " + empty);
        lesson.check("x + y + z", 6.0, total.data);
        lesson.check("nodes: three leaves and two sums", 5, total.topologicalOrder().size());
        for (var leaf : List.of(x, y, z)) {
            lesson.check(leaf.label + ".grad: a sum routes the gradient unchanged", 1.0, leaf.grad);
        }
        lesson.check("an empty sum", "IllegalArgumentException: sum needs at least one value", empty);
        var engineTotal = Value.sum(List.of(Value.of(1.0), Value.of(2.0), Value.of(3.0)));
        lesson.check("the engine's Value.sum adds up the same way", total.data, engineTotal.data());
        lesson.check("the engine's sum has no 0 either", 5, engineTotal.topologicalOrder().size());
    }

    // tag::compile-error[]
    /** Compiles one class with the JDK's own compiler and returns its first error, in English. */
    static String compileError(String source) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this chapter needs a JDK, not a JRE: no Java compiler found");
        }
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///TwoTimesA.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        // The compiler finds the lecture's Value where this JVM loaded it from, a folder or a jar.
        String classPath;
        try {
            classPath = Path.of(dev.micrograd.lecture.ch05.Value.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        Path out = Files.createTempDirectory("two-times-a");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try {
            javac.getTask(null, null, diagnostics, List.of("-classpath", classPath, "-d", out.toString()), null,
                    List.of(file)).call();
        } finally {
            try (Stream<Path> written = Files.walk(out)) {
                for (Path p : written.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                    Files.delete(p);
                }
            }
        }
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> "error: " + d.getMessage(Locale.ROOT)).findFirst().orElse("compiled without an error");
    }
    // end::compile-error[]

    /** The second half: number types, and Java's promotion beside the notebook's. */
    static void dtypes(Lesson lesson) throws IOException {
        // tag::dtypes[]
        Value vf64 = Value.of(2.0, "vf64");
        Value vf32 = Value.of(2.0f, "vf32");
        Value vi64 = Value.of(2L, "vi64");
        Value vi32 = Value.of(2, "vi32");
        // end::dtypes[]
        StringBuilder types = new StringBuilder();
        for (Value v : List.of(vf64, vf32, vi64, vi32)) {
            types.append(String.format(Locale.ROOT, "%-5s %-16s %s%n", v.label(), v, v.dtype()));
        }
        lesson.show("dtypes", "Four leaves, four dtypes", types);
        lesson.check("vf64's dtype", DType.FLOAT64, vf64.dtype());
        lesson.check("vf32's dtype", DType.FLOAT32, vf32.dtype());
        lesson.check("vi64's dtype", DType.INT64, vi64.dtype());
        lesson.check("vi32's dtype", DType.INT32, vi32.dtype());
        for (Value v : List.of(vf64, vf32, vi64, vi32)) {
            lesson.check(v.label() + "'s data", 2.0, v.data());
        }

        // tag::java-promotion[]
        Object intPlusInt = 2 + 2;
        Object intPlusLong = 2 + 2L;
        Object longPlusFloat = 2L + 2f;
        Object floatPlusDouble = 2f + 2.0;
        Object shortPlusByte = (short) 2 + (byte) 2;
        // end::java-promotion[]
        String java = String.format(Locale.ROOT,
                "int + int       = %s  (%s)%nint + long      = %s  (%s)%nlong + float    = %s  (%s)%n"
                        + "float + double  = %s  (%s)%nshort + byte    = %s  (%s)%n",
                intPlusInt, name(intPlusInt), intPlusLong, name(intPlusLong), longPlusFloat, name(longPlusFloat),
                floatPlusDouble, name(floatPlusDouble), shortPlusByte, name(shortPlusByte));
        lesson.show("java-promotion", "Java's numeric promotion (JLS, Java SE 17 Edition, section 5.6, Numeric Contexts)",
                java);
        lesson.check("int + int", Integer.valueOf(4), intPlusInt);
        lesson.check("int + long", Long.valueOf(4), intPlusLong);
        lesson.check("long + float", Float.valueOf(4), longPlusFloat);
        lesson.check("float + double", Double.valueOf(4), floatPlusDouble);
        lesson.check("short + byte", Integer.valueOf(4), shortPlusByte);

        // tag::promote-table[]
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-8s", "promote"));
        for (DType column : DType.values()) {
            table.append(String.format(Locale.ROOT, " %-7s", column));
        }
        for (DType row : DType.values()) {
            table.append(String.format(Locale.ROOT, "%n%-8s", row));
            for (DType column : DType.values()) {
                table.append(String.format(Locale.ROOT, " %-7s", DType.promote(row, column)));
            }
        }
        // end::promote-table[]
        String promoted = table.toString().lines().map(String::stripTrailing).collect(Collectors.joining("\n"));
        lesson.show("promote-table", "DType.promote(row, column): the wider type wins", promoted);
        lesson.check("promote table", String.join("\n",
                "promote  int32   int64   float32 float64",
                "int32    int32   int64   float32 float64",
                "int64    int64   int64   float32 float64",
                "float32  float32 float32 float32 float64",
                "float64  float64 float64 float64 float64"), promoted);
        lesson.check("int32 with int64, as Java", DType.INT64, DType.promote(DType.INT32, DType.INT64));
        lesson.check("int64 with float32, as Java", DType.FLOAT32, DType.promote(DType.INT64, DType.FLOAT32));

        // tag::mixed[]
        long i64 = 4;
        int i32 = 16;
        double f64 = 2.0;
        float f32 = (float) Math.PI;
        Value z2 = Value.of(2.0, "z2");
        List<Example> examples = List.of(
                new Example("vi64 + i64", vi64.add(i64)),
                new Example("vi64 + i32", vi64.add(i32)),
                new Example("vf64 + i64", vf64.add(i64)),
                new Example("vf64 + i32", vf64.add(i32)),
                new Example("vf64 + f64", vf64.add(f64)),
                new Example("vf64 + f32", vf64.add(f32)),
                new Example("vf32 + f32", vf32.add(f32)),
                new Example("vf64 + vi64", vf64.add(vi64)),
                new Example("vf64 + vf32", vf64.add(vf32)),
                new Example("vf32 + vf64", vf32.add(vf64)),
                new Example("vi32 + vi64", vi32.add(vi64)),
                new Example("2 * z2", Value.of(2).mul(z2)));
        // end::mixed[]
        StringBuilder mixed = new StringBuilder();
        for (Example example : examples) {
            mixed.append(String.format(Locale.ROOT, "%-12s = %-32s %s%n",
                    example.expression(), example.result(), example.result().dtype()));
        }
        lesson.show("mixed", "The seed's examples: a Value with Java numbers and with other Values", mixed);
        double pi32 = (float) Math.PI;
        Object[][] expected = {
            {6.0, DType.INT64}, {18.0, DType.INT64}, {6.0, DType.FLOAT64}, {18.0, DType.FLOAT64},
            {4.0, DType.FLOAT64}, {2.0 + pi32, DType.FLOAT64}, {(double) (2f + (float) Math.PI), DType.FLOAT32},
            {4.0, DType.FLOAT64}, {4.0, DType.FLOAT64}, {4.0, DType.FLOAT64}, {4.0, DType.INT64}, {4.0, DType.FLOAT64},
        };
        for (int i = 0; i < examples.size(); i++) {
            Example example = examples.get(i);
            lesson.check(example.expression(), (double) expected[i][0], example.result().data());
            lesson.check(example.expression() + " dtype", expected[i][1], example.result().dtype());
        }
        lesson.check("float32 pi widened", 3.1415927410125732, pi32);

        // tag::notebook-rule-use[]
        List<Example> notebook = List.of(
                new Example("vf64 + vi64", notebookAdd(vf64, vi64)),
                new Example("vf64 + vf32", notebookAdd(vf64, vf32)),
                new Example("vf32 + vf64", notebookAdd(vf32, vf64)));
        // end::notebook-rule-use[]
        String[] printed = {"Value(data=4)", "Value(data=4.0)", "Value(data=4.0)"};
        StringBuilder rule = new StringBuilder(String.format(Locale.ROOT, "%-12s   %-16s %-24s %s%n",
                "expression", "notebook shows", "its surviving rule", "our engine"));
        for (int i = 0; i < notebook.size(); i++) {
            Value theirs = notebook.get(i).result();
            Value ours = examples.get(7 + i).result();
            rule.append(String.format(Locale.ROOT, "%-12s   %-16s %-24s %s%n", notebook.get(i).expression(), printed[i],
                    theirs + " " + theirs.dtype(), ours + " " + ours.dtype()));
            lesson.check(notebook.get(i).expression() + " as the notebook prints it", printed[i], theirs.toString());
            lesson.check("the engine's line for " + notebook.get(i).expression(), examples.get(7 + i).expression(),
                    notebook.get(i).expression());
        }
        lesson.check("vf64 + vi64 by the notebook's rule", DType.INT64, notebook.get(0).result().dtype());
        lesson.check("vf64 + vf32 by the notebook's rule", DType.FLOAT32, notebook.get(1).result().dtype());
        lesson.check("vf32 + vf64 by the notebook's rule", DType.FLOAT64, notebook.get(2).result().dtype());

        // tag::notebook-rule-graph[]
        Value a = Value.of(2.0, "a");
        Value b = Value.of(2L, "b");
        Value theirs = notebookAdd(a, b);
        theirs.backward();
        double aGradTheirs = a.grad();
        a.zeroGrad();
        b.zeroGrad();
        Value ours = a.add(b);
        ours.backward();
        String inexact;
        try {
            inexact = "" + notebookAdd(Value.of(2.5, "c"), b);
        } catch (ArithmeticException e) {
            inexact = e.getMessage();
        }
        // end::notebook-rule-graph[]
        lesson.show("notebook-rule", "The notebook's rule for two Values of different types, beside ours", rule
                + String.format(Locale.ROOT, "%nafter backward(), a.grad = %s by the notebook's rule, %s in our engine%n"
                        + "children of the result: %s by the notebook's rule, %s in our engine%n"
                        + "c = 2.5 plus b by the notebook's rule: %s",
                        aGradTheirs, a.grad(), labels(theirs), labels(ours), inexact));
        lesson.check("the notebook's rule leaves a out of the graph", 0.0, aGradTheirs);
        lesson.check("our engine reaches a", 1.0, a.grad());
        lesson.check("the notebook's result holds b and a new leaf", "[b, new leaf Value(data=2)]", labels(theirs));
        lesson.check("our result holds a and b", "[a, b]", labels(ours));
        lesson.check("2.5 into an int64", "InexactError: Int64(2.5)", inexact);

        // tag::float32[]
        float javaFloat = 16777216f + 1f;
        Value engineFloat = Value.of(16777216f, "f").add(1f);
        Value engineDouble = Value.of(16777216.0, "d").add(1.0);
        // end::float32[]
        lesson.show("float32", "float32 results are rounded as Java rounds a float: 2^24 + 1 is not a float",
                String.format(Locale.ROOT, "16777216f + 1f                = %s%n"
                        + "Value.of(16777216f).add(1f)   = %s %s%nValue.of(16777216.0).add(1.0) = %s %s",
                        javaFloat, engineFloat, engineFloat.dtype(), engineDouble, engineDouble.dtype()));
        lesson.check("Java's float sum", 16777216.0, javaFloat);
        lesson.check("the engine's float32 sum", (double) javaFloat, engineFloat.data());
        lesson.check("the engine's float64 sum", 16777217.0, engineDouble.data());

        // tag::overflow[]
        int javaWraps = Integer.MAX_VALUE + 1;
        String javaExact;
        try {
            javaExact = "" + Math.addExact(Integer.MAX_VALUE, 1);
        } catch (ArithmeticException e) {
            javaExact = "ArithmeticException: " + e.getMessage();
        }
        String engine;
        try {
            engine = "" + Value.of(Integer.MAX_VALUE, "big").add(1);
        } catch (ArithmeticException e) {
            engine = "ArithmeticException: " + e.getMessage();
        }
        // end::overflow[]
        lesson.show("overflow", "Integer overflow: Java wraps around, the engine stops with a clear error",
                "Integer.MAX_VALUE + 1                 = " + javaWraps + "\n"
                        + "Math.addExact(Integer.MAX_VALUE, 1)   -> " + javaExact + "\n"
                        + "Value.of(Integer.MAX_VALUE).add(1)    -> " + engine);
        lesson.check("Java wraps", Integer.MIN_VALUE, javaWraps);
        lesson.check("Math.addExact", "ArithmeticException: integer overflow", javaExact);
        lesson.check("the engine names the operands", true, engine.startsWith("ArithmeticException: big=2147483647 + 1"));
        lesson.check("the engine names the type", true, engine.contains("overflows int32"));

        String int64;
        try {
            int64 = "" + Value.of(DType.MAX_EXACT_INTEGER, "big").add(1L);
        } catch (ArithmeticException e) {
            int64 = "ArithmeticException: " + e.getMessage();
        }
        lesson.show("overflow-int64", "int64 stops at 2^53 - 1, the largest integer a double holds exactly",
                "Value.of(DType.MAX_EXACT_INTEGER).add(1L) -> " + int64);
        lesson.check("2^53 - 1", 9007199254740991L, DType.MAX_EXACT_INTEGER);
        lesson.check("the engine names the int64 operand", true, int64.startsWith("ArithmeticException: big="));
        lesson.check("the engine names int64", true, int64.contains("overflows int64"));

        // tag::number-tree[]
        List<Class<?>> numbers = publicNumberClasses();
        StringBuilder tree = new StringBuilder();
        printTree(Number.class, numbers, "", tree);
        // end::number-tree[]
        lesson.show("number-tree", "The JDK's public subclasses of java.lang.Number, found in the java.base module",
                "Float.class.getSuperclass() = " + Float.class.getSuperclass().getName() + "\n\n" + tree);
        lesson.check("Float's superclass", Number.class, Float.class.getSuperclass());
        List<String> lines = tree.toString().lines().map(String::strip).collect(Collectors.toList());
        lesson.check("the tree's root", "java.lang.Number", lines.get(0));
        for (Class<?> expectedType : List.of(Byte.class, Short.class, Integer.class, Long.class, Float.class,
                Double.class, java.math.BigDecimal.class, java.math.BigInteger.class,
                java.util.concurrent.atomic.AtomicInteger.class, java.util.concurrent.atomic.AtomicLong.class,
                java.util.concurrent.atomic.LongAdder.class, java.util.concurrent.atomic.DoubleAccumulator.class)) {
            lesson.check("the tree holds " + expectedType.getName(), true, lines.contains(expectedType.getName()));
        }
        lesson.check("every class in the tree is counted once", numbers.size() + 1, lines.size());
    }

    /** An expression as the seed writes it, and the Value Java computes for it. */
    record Example(String expression, Value result) {
    }

    // tag::notebook-rule[]
    /**
     * The method that survives in the notebook for two Values of different types: the left operand's data
     * is converted to the right operand's type, T(other.data), and added as a new leaf.
     */
    static Value notebookAdd(Value left, Value right) {
        return right.add(convert(left.data(), right.dtype()));
    }

    /** Julia's T(x): a float converts to an integer type only if it is a whole number in range. */
    static Value convert(double x, DType type) {
        switch (type) {
            case INT32:
                return Value.of((int) exact(x, (int) x, "Int32"));
            case INT64:
                return Value.of((long) exact(x, (long) x, "Int64"));
            case FLOAT32:
                return Value.of((float) x);
            default:
                return Value.of(x);
        }
    }

    private static double exact(double x, double converted, String julia) {
        if (x != converted) {
            throw new ArithmeticException("InexactError: " + julia + "(" + x + ")");
        }
        return converted;
    }
    // end::notebook-rule[]

    private static String labels(Value v) {
        return v.children().stream().map(c -> c.label().isEmpty() ? "new leaf " + c : c.label())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    // tag::number-classes[]
    /** Every public class in java.base's exported packages that extends Number. */
    static List<Class<?>> publicNumberClasses() throws IOException {
        Path javaBase = FileSystems.getFileSystem(URI.create("jrt:/"))
                .getPath("modules", "java.base");
        try (Stream<Path> files = Files.walk(javaBase)) {
            return files.map(file -> javaBase.relativize(file).toString())
                    .filter(file -> file.endsWith(".class"))
                    .map(file -> file.replace(".class", "").replace('/', '.'))
                    .filter(Ch05PromotionRules::isExported)
                    .map(Ch05PromotionRules::load)
                    .filter(type -> type != null && Modifier.isPublic(type.getModifiers()))
                    .filter(type -> type != Number.class && Number.class.isAssignableFrom(type))
                    .sorted(Comparator.comparing(Class::getName))
                    .collect(Collectors.toList());
        }
    }

    /** Prints {@code type} and, indented below it, the classes it is the public superclass of. */
    static void printTree(Class<?> type, List<Class<?>> all, String indent, StringBuilder out) {
        out.append(indent).append(type.getName()).append('\n');
        for (Class<?> sub : all) {
            if (publicSuperclass(sub) == type) {
                printTree(sub, all, indent + "  ", out);
            }
        }
    }
    // end::number-classes[]

    /** Whether java.base exports a class's package to everyone; module-info has no package. */
    static boolean isExported(String className) {
        int dot = className.lastIndexOf('.');
        return dot > 0 && Object.class.getModule().isExported(className.substring(0, dot));
    }

    /** Skips package-private superclasses such as Striped64, which no one outside the JDK can name. */
    static Class<?> publicSuperclass(Class<?> type) {
        Class<?> parent = type.getSuperclass();
        while (!Modifier.isPublic(parent.getModifiers())) {
            parent = parent.getSuperclass();
        }
        return parent;
    }

    /** Loads a class without running its static initializer; null for the few that cannot load alone. */
    static Class<?> load(String name) {
        try {
            return Class.forName(name, false, null);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static String name(Object boxed) {
        return boxed.getClass().getSimpleName();
    }
}
