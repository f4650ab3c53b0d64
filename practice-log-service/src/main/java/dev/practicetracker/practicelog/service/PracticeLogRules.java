package dev.practicetracker.practicelog.service;

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
        violations.throwIfAny();
    }

    public List<Violation> violationsOf(LogFields fields) {
        return validator.validate(fields).stream().map(Violations::of).sorted(Violations.BY_FIELD).toList();
    }
}
