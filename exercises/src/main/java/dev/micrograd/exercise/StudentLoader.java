package dev.micrograd.exercise;

import java.util.Map;

/**
 * Loads the student's classes (the default package) only from the bytes the supervisor compiled and sent,
 * and every named package only from the trusted class path, so a student's file can neither shadow a checker
 * class nor share a runtime package (and its package-private members) with one.
 */
final class StudentLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    StudentLoader(Map<String, byte[]> classes, ClassLoader parent) {
        super("student", parent);
        this.classes = Map.copyOf(classes);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.indexOf('.') >= 0) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = findClass(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }
}
