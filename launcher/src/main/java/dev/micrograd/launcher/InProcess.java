package dev.micrograd.launcher;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to run a java command line in this JVM instead of a new one: the main class, class path and system
 * properties, or empty when the command needs anything this JVM cannot give it (other JVM options, another
 * java, a module, a jar, or a property that only counts at start-up).
 */
record InProcess(String mainClass, List<String> classPath, Map<String, String> properties, List<String> args) {
    /** Set to run every script in a JVM of its own, as JBang itself would, even when this JVM could run it. */
    static final String FORK = "MICROGRAD_JBANG_FORK";

    static Optional<InProcess> of(List<String> command, String thisJava, List<String> thisJvmOptions, Os os) {
        if (command.isEmpty() || !samePath(command.get(0), thisJava, os)) {
            return Optional.empty();
        }
        List<String> classPath = List.of();
        Map<String, String> properties = new LinkedHashMap<>();
        int i = 1;
        for (; i < command.size(); i++) {
            String arg = command.get(i);
            if (thisJvmOptions.contains(arg)) {
                continue;
            }
            if (arg.equals("-classpath") || arg.equals("-cp") || arg.equals("--class-path")) {
                if (++i >= command.size()) {
                    return Optional.empty();
                }
                classPath = Arrays.asList(command.get(i).split(Pattern.quote(os.pathSeparator())));
            } else if (arg.startsWith("-D")) {
                String[] kv = arg.substring(2).split("=", 2);
                if (startupOnly(kv[0])) {
                    return Optional.empty();
                }
                properties.put(kv[0], kv.length > 1 ? kv[1] : "");
            } else if (arg.startsWith("-")) {
                if (!thisJvmOptions.contains(arg)) {
                    return Optional.empty();
                }
            } else {
                break;
            }
        }
        if (i >= command.size() || classPath.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new InProcess(command.get(i), classPath, properties,
                command.subList(i + 1, command.size())));
    }

    private static boolean startupOnly(String property) {
        return property.startsWith("java.") || property.startsWith("jdk.") || property.startsWith("sun.")
                || property.startsWith("file.") || property.startsWith("user.") || property.startsWith("native.")
                || property.startsWith("stdout.") || property.startsWith("stderr.");
    }

    private static boolean samePath(String a, String b, Os os) {
        return os == Os.WINDOWS ? a.equalsIgnoreCase(b) || a.equalsIgnoreCase(b.replaceFirst("\\.exe$", ""))
                : a.equals(b);
    }

    /** Loads the main class from the command's class path and calls its main; false when it has none. */
    boolean run() {
        URL[] urls = new URL[classPath().size()];
        try {
            for (int i = 0; i < urls.length; i++) {
                urls[i] = Path.of(classPath().get(i)).toUri().toURL();
            }
        } catch (MalformedURLException e) {
            return false;
        }
        Method main;
        // The application class loader as parent, as in a JVM of its own: it also defines JDK modules such as jdk.jshell.
        URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getSystemClassLoader());
        try {
            Class<?> type = Class.forName(mainClass(), false, loader);
            main = type.getDeclaredMethod("main", String[].class);
            if (!Modifier.isStatic(main.getModifiers())) {
                return false;
            }
            main.setAccessible(true);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return false;
        }
        System.setProperty("java.class.path", String.join(File.pathSeparator, classPath()));
        for (Map.Entry<String, String> property : properties().entrySet()) {
            System.setProperty(property.getKey(), property.getValue());
        }
        Thread.currentThread().setContextClassLoader(loader);
        try {
            main.invoke(null, (Object) args().toArray(new String[0]));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            trimLauncherFrames(cause, mainClass());
            System.err.print("Exception in thread \"main\" ");
            cause.printStackTrace();
            System.exit(1);
        } catch (IllegalAccessException e) {
            throw new Failure("cannot call " + mainClass() + ".main: " + e.getMessage());
        }
        return true;
    }

    /** Drops the launcher's own frames under the script's main from a stack trace, so it reads as a plain run. */
    static void trimLauncherFrames(Throwable error, String mainClass) {
        StackTraceElement[] frames = error.getStackTrace();
        for (int i = frames.length - 1; i >= 0; i--) {
            if (frames[i].getClassName().equals(mainClass) && frames[i].getMethodName().equals("main")) {
                error.setStackTrace(Arrays.copyOf(frames, i + 1));
                return;
            }
        }
    }
}
