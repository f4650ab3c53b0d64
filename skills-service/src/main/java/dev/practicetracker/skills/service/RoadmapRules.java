package dev.practicetracker.skills.service;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import dev.practicetracker.platform.problem.Violations;
import dev.practicetracker.skills.mapping.RoadmapRequest;

/**
 * Validates a whole roadmap at once — each field's own rules and the rules across the document —
 * so one 400 names every bad field by its JSON path.
 */
@ApplicationScoped
public class RoadmapRules {

    private final Validator validator;

    public RoadmapRules(Validator validator) {
        this.validator = validator;
    }

    public void requireValid(RoadmapRequest roadmap) {
        Violations violations = new Violations().addAll(validator.validate(roadmap));
        List<RoadmapRequest.Level> levels = roadmap.levels() == null ? List.of() : roadmap.levels();
        Set<Integer> levelNumbers = new HashSet<>();
        Map<String, String> firstPlaceOfMilestone = new HashMap<>();
        for (int l = 0; l < levels.size(); l++) {
            RoadmapRequest.Level level = levels.get(l);
            if (level == null) {
                continue;
            }
            if (level.level() != null && !levelNumbers.add(level.level())) {
                violations.add("levels[" + l + "].level", "level " + level.level() + " appears more than once");
            }
            List<RoadmapRequest.Milestone> milestones = level.milestones() == null ? List.of() : level.milestones();
            for (int m = 0; m < milestones.size(); m++) {
                RoadmapRequest.Milestone milestone = milestones.get(m);
                if (milestone == null || milestone.id() == null) {
                    continue;
                }
                String place = "levels[" + l + "].milestones[" + m + "].id";
                String first = firstPlaceOfMilestone.putIfAbsent(milestone.id(), place);
                if (first != null) {
                    violations.add(place, "milestone id " + milestone.id() + " is already used at " + first);
                }
            }
        }
        violations.throwIfAny();
    }
}
