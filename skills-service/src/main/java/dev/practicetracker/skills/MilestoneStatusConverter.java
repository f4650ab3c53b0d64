package dev.practicetracker.skills;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores the status as the API spells it ({@code in_progress}), which the table's check constraint expects. */
@Converter
public class MilestoneStatusConverter implements AttributeConverter<MilestoneStatus, String> {

    @Override
    public String convertToDatabaseColumn(MilestoneStatus status) {
        return status == null ? null : status.toString();
    }

    @Override
    public MilestoneStatus convertToEntityAttribute(String value) {
        return value == null ? null : MilestoneStatus.valueOf(value.toUpperCase());
    }
}
