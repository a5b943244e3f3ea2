package dev.micrograd.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The CI files the teachers' page shows check every exercise set and hand its JUnit report to the CI. */
class CiTemplatesTest {
    private static final List<String> IDS = ExerciseSet.all().stream().map(ExerciseSet::id).toList();

    @Test
    void githubClassroomScoresEverySetAndReportsEveryCheck() {
        String yml = Fixtures.read(Fixtures.MODULE.resolve("ci/github-classroom.yml"));
        for (String id : IDS) {
            assertTrue(yml.contains("        id: " + id + "\n"), id);
            assertTrue(yml.contains("          command: ./jbang " + id + " --junit reports/" + id + ".xml\n"), id);
            assertTrue(yml.contains("          " + id.toUpperCase(Locale.ROOT) + "_RESULTS: \"${{steps." + id
                    + ".outputs.result}}\"\n"), id);
        }
        assertTrue(yml.contains("          runners: " + String.join(",", IDS) + "\n"), yml);
        assertTrue(yml.contains("          report_paths: reports/*.xml\n"), yml);
        assertEquals(0, yml.chars().filter(c -> c == '\t').count(), "YAML allows no tabs");
    }

    @Test
    void gitlabChecksEverySetEvenAfterAFailure() {
        String yml = Fixtures.read(Fixtures.MODULE.resolve("ci/gitlab-ci.yml"));
        assertTrue(yml.contains("    - for set in " + IDS.stream().collect(Collectors.joining(" "))
                + "; do ./jbang \"$set\" --junit \"reports/$set.xml\" || status=1; done\n"), yml);
        assertTrue(yml.contains("    - exit $status\n"), yml);
        assertTrue(yml.contains("      junit: reports/*.xml\n"), yml);
    }
}
