package dev.practicetracker.practicelog.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import dev.practicetracker.platform.problem.Violation;
import dev.practicetracker.platform.problem.Violations;
import dev.practicetracker.practicelog.mapping.LogFields;

/** The seed's rules for a log, checked the same way however the log arrives. */
@ApplicationScoped
public class PracticeLogRules {

    private static final String MILESTONE_COMPLETED = "milestone_completed";
    private static final String WITHOUT_MILESTONE = "may be true only with a milestone_id";

    private final Validator validator;

    public PracticeLogRules(Validator validator) {
        this.validator = validator;
    }

    /** @throws dev.practicetracker.platform.problem.ProblemException 400 listing every broken rule */
    public void requireValid(UUID skillId, LogFields fields) {
        Violations violations = new Violations().addAll(validator.validate(fields));
        if (skillId == null) {
            violations.add("skill_id", "must not be null");
        }
        if (completedWithoutMilestone(fields)) {
            violations.add(MILESTONE_COMPLETED, WITHOUT_MILESTONE);
        }
        violations.throwIfAny();
    }

    public List<Violation> violationsOf(LogFields fields) {
        List<Violation> violations = new ArrayList<>(validator.validate(fields).stream().map(Violations::of).toList());
        if (completedWithoutMilestone(fields)) {
            violations.add(new Violation(MILESTONE_COMPLETED, WITHOUT_MILESTONE));
        }
        violations.sort(Violations.BY_FIELD);
        return violations;
    }

    /** A log completes a milestone only if it names one. */
    private static boolean completedWithoutMilestone(LogFields fields) {
        return fields.milestoneCompleted() && fields.milestoneId() == null;
    }
}
