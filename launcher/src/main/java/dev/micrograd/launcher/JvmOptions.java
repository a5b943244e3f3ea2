package dev.micrograd.launcher;

import java.util.List;

/**
 * The JVM options that keep a JVM running this project's code free of warnings on every JDK from 17 to 25. They are
 * written in several places that a JVM reads before any Java code runs: the {@code //JAVA_OPTIONS} line of each
 * script, the shims {@code ./jbang} and {@code jbang.cmd}, and the parent pom's {@code jvm.options}; a test checks each
 * place says the same as {@link #QUIET}.
 *
 * <p>Why each one, and why one list fits every JDK:
 * <ul>
 * <li>{@code -XX:-PrintWarnings}: loading graphviz-java's V8 library makes the JVM say it "might have disabled the
 * stack guard".
 * <li>{@code --enable-native-access=ALL-UNNAMED}: from JDK 24, loading a native library (V8, Truffle's helper) prints
 * four lines about a restricted method. JDK 17 to 23 accept the option too.
 * <li>{@code -Dsun.misc.unsafe.memory.access=allow}: from JDK 24, GraalJS's use of {@code sun.misc.Unsafe} prints
 * four lines. The documented option {@code --sun-misc-unsafe-memory-access=allow} (JDK 23 and later) only sets this
 * property, and JDK 17 to 22 refuse to start with that option, while any JDK accepts the property.
 * </ul>
 * GraalJS's "interpreter only" warning is turned off by the renderer itself, before GraalJS starts.
 */
public final class JvmOptions {
    /** The options, in the order every place writes them. */
    public static final List<String> QUIET = List.of("-XX:-PrintWarnings", "--enable-native-access=ALL-UNNAMED",
            "-Dsun.misc.unsafe.memory.access=allow");

    /** The first JDK release whose launcher knows {@code --sun-misc-unsafe-memory-access}. */
    static final int UNSAFE_OPTION_SINCE = 23;

    private JvmOptions() {
    }

    /** The options as one line, as a {@code //JAVA_OPTIONS} line or a pom property holds them. */
    public static String line() {
        return String.join(" ", QUIET);
    }

    /**
     * Whether a JDK of this feature version ({@code Runtime.version().feature()}) starts with the documented option
     * {@code --sun-misc-unsafe-memory-access}: the reason {@link #QUIET} sets the property instead.
     */
    static boolean knowsUnsafeOption(int feature) {
        return feature >= UNSAFE_OPTION_SINCE;
    }
}
