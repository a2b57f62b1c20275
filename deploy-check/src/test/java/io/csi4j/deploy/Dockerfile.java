package io.csi4j.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Dockerfile read into what the checks need: build arguments, stages, and instructions with continuations joined. */
record Dockerfile(Map<String, String> args, List<Stage> stages) {

    /** One FROM ... AS name section and its instructions. */
    record Stage(String image, Optional<String> name, List<String> instructions) {}

    private static final Pattern FROM = Pattern.compile("FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern ARG = Pattern.compile("ARG\\s+([A-Za-z_][A-Za-z0-9_]*)(?:=(\\S*))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    static Dockerfile read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dockerfile parse(String text) {
        Map<String, String> args = new LinkedHashMap<>();
        List<Stage> stages = new ArrayList<>();
        for (String instruction : instructions(text)) {
            Matcher from = FROM.matcher(instruction);
            Matcher arg = ARG.matcher(instruction);
            if (from.matches()) {
                stages.add(new Stage(from.group(1), Optional.ofNullable(from.group(2)), new ArrayList<>()));
            } else if (arg.matches() && arg.group(2) != null) {
                args.putIfAbsent(arg.group(1), arg.group(2));
            } else if (!stages.isEmpty()) {
                stages.getLast().instructions().add(instruction);
            }
        }
        return new Dockerfile(args, stages);
    }

    /** Instructions without comments, continuation lines joined. */
    private static List<String> instructions(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
                continue;
            }
            boolean continues = line.endsWith("\\");
            current.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continues) {
                out.add(current.toString().strip().replaceAll("\\s+", " "));
                current.setLength(0);
            }
        }
        return out;
    }

    /** {@code text} with ${NAME} and $NAME replaced by the build arguments' defaults. */
    String expand(String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(args.getOrDefault(name, m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final Pattern COPY = Pattern.compile("COPY(?:\\s+--from=(\\S+))?(?:\\s+--\\S+)*\\s+(.+)\\s+(\\S+)");

    /** The COPY instructions that name a stage not defined before them. */
    List<String> copiesFromUndefinedStages() {
        List<String> problems = new ArrayList<>();
        java.util.Set<String> defined = new java.util.HashSet<>();
        for (Stage stage : stages) {
            for (String i : stage.instructions()) {
                Matcher m = COPY.matcher(i);
                if (m.matches() && m.group(1) != null && !defined.contains(m.group(1))) {
                    problems.add("'" + i + "' copies from stage " + m.group(1) + ", not defined before it");
                }
            }
            stage.name().ifPresent(defined::add);
        }
        return problems;
    }

    /** The sources of COPY instructions from the build context, per stage, in order. */
    List<String> contextSources(Stage stage) {
        return stage.instructions().stream().map(COPY::matcher).filter(m -> m.matches() && m.group(1) == null)
                .flatMap(m -> java.util.Arrays.stream(m.group(2).split(" "))).toList();
    }

    /** The base images that name neither a tag (other than latest) nor a digest, after build-argument defaults. */
    List<String> unpinnedImages() {
        return stages.stream().map(s -> expand(s.image())).filter(image -> {
            String last = image.substring(image.lastIndexOf('/') + 1);
            boolean digest = image.matches(".+@sha256:[0-9a-f]{64}");
            boolean tag = last.contains(":") && !last.endsWith(":latest") && !last.endsWith(":");
            return !digest && !tag;
        }).toList();
    }

    /** Every instruction of every stage, with the stage it belongs to. */
    List<Map.Entry<Stage, String>> all() {
        List<Map.Entry<Stage, String>> out = new ArrayList<>();
        stages.forEach(s -> s.instructions().forEach(i -> out.add(Map.entry(s, i))));
        return out;
    }
}
