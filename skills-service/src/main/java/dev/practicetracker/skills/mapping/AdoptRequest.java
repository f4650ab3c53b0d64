package dev.practicetracker.skills.mapping;

/** Body of {@code POST /templates/{slug}/adopt} (optional): the new skill's name, if not the template's. */
public record AdoptRequest(String name) {

    public AdoptRequest {
        name = Text.trimmed(name);
    }
}
