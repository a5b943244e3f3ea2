package dev.micrograd.exercise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the student's classes (the default package) only from the folder the supervisor compiled them into,
 * and every named package only from the trusted class path, so a student's file can neither shadow a checker
 * class nor share a runtime package (and its package-private members) with one.
 */
final class StudentLoader extends ClassLoader {
    private final Path classes;

    StudentLoader(Path classes, ClassLoader parent) {
        super("student", parent);
        this.classes = classes;
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
        Path file = classes.resolve(name + ".class");
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || !Files.isRegularFile(file)) {
            throw new ClassNotFoundException(name);
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }
}
