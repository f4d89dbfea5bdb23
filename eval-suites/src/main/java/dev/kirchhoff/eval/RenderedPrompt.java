package dev.kirchhoff.eval;

import java.nio.file.Path;
import java.util.List;

/**
 * The exact text a system under test is sent for one item, made from the suite's official prompt template.
 * Immutable.
 *
 * @param templateId the template's id and version ({@code mmcircuiteval/single.v1}), recorded with each result
 * @param system     the system message, empty when the template has none
 * @param user       the user message
 * @param images     images to attach to the user message
 */
public record RenderedPrompt(String templateId, String system, String user, List<Path> images) {
    public RenderedPrompt {
        system = system == null ? "" : system;
        user = user == null ? "" : user;
        images = images == null ? List.of() : List.copyOf(images);
    }
}
