package dev.micrograd.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The CI files the teachers' page shows check every exercise set with the checker of the teacher's pinned
 * commit, never with anything from the student's repository, sandboxed where the runner allows, and hand every
 * check's JUnit report to the CI.
 */
class CiTemplatesTest {
    private static final List<ExerciseSet> SETS = ExerciseSet.all();
    private static final List<String> IDS = SETS.stream().map(ExerciseSet::id).toList();

    @Test
    void githubClassroomRunsTheTeachersPinnedCheckerSandboxedOnEverySet() {
        String yml = Fixtures.read(Fixtures.MODULE.resolve("ci/github-classroom.yml"));
        for (ExerciseSet set : SETS) {
            String id = set.id();
            String file = set.fileIn(Fixtures.STARTERS).orElseThrow().getFileName().toString();
            double points = Points.possible(id, set.declared().specs().stream().map(Checks.Spec::name).toList());
            assertTrue(yml.contains("        id: " + id + "\n"), id);
            assertTrue(yml.contains("          command: cd teacher && ./jbang " + id + " ../student/exercises/starters/" + file
                    + " --sandbox --junit ../reports/" + id + ".xml\n"), id);
            assertTrue(yml.contains("          max-score: " + Points.format(points) + "\n"), id + " is worth " + points);
            assertTrue(yml.contains("          " + id.toUpperCase(Locale.ROOT) + "_RESULTS: \"${{steps." + id
                    + ".outputs.result}}\"\n"), id);
        }
        assertTrue(yml.contains("  TEACHER_COMMIT: 0000000000000000000000000000000000000000\n"), yml);
        assertTrue(yml.contains("          ref: ${{ env.TEACHER_COMMIT }}\n          path: teacher\n"), yml);
        assertTrue(yml.contains("        with:\n          path: student\n"), "the student's code has its own folder");
        assertTrue(yml.contains("apt-get install -y -qq bubblewrap"), yml);
        assertTrue(yml.contains("          runners: " + String.join(",", IDS) + "\n"), yml);
        assertTrue(yml.contains("          report_paths: reports/*.xml\n"), yml);
        assertTrue(yml.lines().filter(l -> !l.startsWith("#") && l.contains("./jbang")).allMatch(l -> l.contains("cd teacher && ./jbang")),
                "every run of the checker is the teacher's");
        assertEquals(0, yml.chars().filter(c -> c == '\t').count(), "YAML allows no tabs");
    }

    @Test
    void gitlabRunsTheTeachersPinnedCheckerOnEverySetEvenAfterAFailure() {
        String yml = Fixtures.read(Fixtures.MODULE.resolve("ci/gitlab-ci.yml"));
        assertTrue(yml.contains("    - git -C /opt/teacher checkout --quiet --detach \"$TEACHER_COMMIT\"\n"), yml);
        assertTrue(yml.contains("    - |\n      for set in " + IDS.stream().collect(Collectors.joining(" ")) + "; do\n"
                + "        file=$(ls exercises/starters/Ex${set#ex}*.java | head -n 1)\n"
                + "        (cd /opt/teacher && ./jbang \"$set\" \"$CI_PROJECT_DIR/$file\" --junit \"$CI_PROJECT_DIR/reports/$set.xml\")"
                + " || status=1\n      done\n"), yml);
        assertTrue(yml.lines().filter(l -> !l.startsWith("#") && l.contains("./jbang")).allMatch(l -> l.contains("cd /opt/teacher && ./jbang")),
                "every run of the checker is the teacher's");
        assertTrue(yml.contains("    - exit $status\n"), yml);
        assertTrue(yml.contains("      junit: reports/*.xml\n"), yml);
    }
}
