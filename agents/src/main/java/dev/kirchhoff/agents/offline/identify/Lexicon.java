package dev.kirchhoff.agents.offline.identify;

import dev.kirchhoff.agents.Constraint;
import dev.kirchhoff.agents.RecipeKind;
import dev.kirchhoff.knowledge.Category;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The identifier's vocabulary, read from the reviewable text files beside this class: extra part phrases, default
 * parts for generic nouns, part nouns with their categories, measurands, number and unit words, recipe and constraint
 * patterns, words that mean wireless, and everyday words. Immutable and thread-safe.
 */
final class Lexicon {

    /** A noun that ends a part phrase, the categories its part may have, and whether it is searched alone. */
    record Head(String word, Set<Category> categories, boolean bare) {
    }

    /** A part and the variant a prompt asks for when {@code when} matches and {@code unless} does not. */
    record Variant(String id, String variant, Pattern when, Pattern unless) {
    }

    /** A unit after a number: its multiplier to SI and what it measures. */
    record Unit(double multiplier, String kind) {
    }

    /** A pattern and what it means; {@code free} patterns read the prompt without its part phrases. */
    record Rule<T>(T meaning, Pattern pattern, boolean free) {
    }

    final Map<String, String> aliases;
    final Map<String, String> defaults;
    final Map<String, Head> heads;
    final List<List<String>> measurands;
    final Map<String, Integer> numbers;
    final Map<String, Unit> units;
    final List<Rule<RecipeKind>> recipes;
    final List<Rule<Constraint>> constraints;
    final List<Pattern> wireless;
    final Set<String> stopWords;
    final Set<String> commonWords;
    final Set<String> circuitWords;
    final Set<String> plainWords;
    final List<Variant> variants;
    final Map<String, String> categoryRoles;
    final Map<String, String> idRoles;
    final Map<String, RecipeKind> partRecipes;

    private Lexicon(Map<String, String> aliases, Map<String, String> defaults, Map<String, Head> heads,
                    List<List<String>> measurands, Map<String, Integer> numbers, Map<String, Unit> units,
                    List<Rule<RecipeKind>> recipes, List<Rule<Constraint>> constraints, List<Pattern> wireless,
                    Set<String> stopWords, Set<String> commonWords, Set<String> circuitWords,
                    Set<String> plainWords, List<Variant> variants, Map<String, String> categoryRoles,
                    Map<String, String> idRoles, Map<String, RecipeKind> partRecipes) {
        this.categoryRoles = Map.copyOf(categoryRoles);
        this.idRoles = Map.copyOf(idRoles);
        this.partRecipes = Map.copyOf(partRecipes);
        this.aliases = Map.copyOf(aliases);
        this.defaults = Map.copyOf(defaults);
        this.heads = Map.copyOf(heads);
        this.measurands = List.copyOf(measurands);
        this.numbers = Map.copyOf(numbers);
        this.units = Map.copyOf(units);
        this.recipes = List.copyOf(recipes);
        this.constraints = List.copyOf(constraints);
        this.wireless = List.copyOf(wireless);
        this.stopWords = Set.copyOf(stopWords);
        this.commonWords = Set.copyOf(commonWords);
        this.circuitWords = Set.copyOf(circuitWords);
        this.plainWords = Set.copyOf(plainWords);
        this.variants = List.copyOf(variants);
    }

    /** The lexicon bundled with the identifier. */
    static Lexicon bundled() {
        Map<String, String> aliases = new LinkedHashMap<>();
        for (String[] row : table("aliases.txt", 2)) {
            aliases.put(row[0], row[1]);
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String[] row : table("defaults.txt", 2)) {
            defaults.put(row[0], row[1]);
        }
        Map<String, Head> heads = new LinkedHashMap<>();
        for (String[] row : table("heads.txt", 3)) {
            Set<Category> cats = EnumSet.noneOf(Category.class);
            for (String c : row[1].split(",")) {
                cats.add(Category.valueOf(c.strip().toUpperCase(Locale.ROOT)));
            }
            heads.put(row[0], new Head(row[0], cats, row[2].equals("bare")));
        }
        List<List<String>> measurands = new ArrayList<>();
        for (String line : lines("measurands.txt")) {
            measurands.add(List.of(line.split("\\s+")));
        }
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (String[] row : table("numbers.txt", 2)) {
            numbers.put(row[0], Integer.parseInt(row[1]));
        }
        Map<String, Unit> units = new LinkedHashMap<>();
        for (String[] row : table("units.txt", 3)) {
            units.put(row[0], new Unit(Double.parseDouble(row[1]), row[2]));
        }
        List<Rule<RecipeKind>> recipes = new ArrayList<>();
        for (String[] row : table("recipes.txt", 2)) {
            boolean free = row[0].startsWith("~");
            recipes.add(new Rule<>(RecipeKind.valueOf(free ? row[0].substring(1) : row[0]), Pattern.compile(row[1]),
                    free));
        }
        List<Rule<Constraint>> constraints = new ArrayList<>();
        for (String[] row : table("constraints.txt", 2)) {
            constraints.add(new Rule<>(Constraint.valueOf(row[0]), Pattern.compile(row[1]), false));
        }
        List<Pattern> wireless = new ArrayList<>();
        for (String line : lines("wireless.txt")) {
            wireless.add(Pattern.compile(line));
        }
        Set<String> stop = new LinkedHashSet<>();
        Set<String> common = new LinkedHashSet<>();
        Set<String> circuit = new LinkedHashSet<>();
        Set<String> plain = new LinkedHashSet<>();
        Set<String> target = common;
        for (String line : lines("words.txt")) {
            if (line.equals("[stop]")) {
                target = stop;
            } else if (line.equals("[common]")) {
                target = common;
            } else if (line.equals("[circuit]")) {
                target = circuit;
            } else if (line.equals("[plain]")) {
                target = plain;
            } else {
                target.addAll(List.of(line.split("\\s+")));
            }
        }
        common.addAll(stop);
        common.addAll(circuit);
        common.addAll(plain);
        List<Variant> variants = new ArrayList<>();
        for (String[] row : table("variants.txt", 4)) {
            variants.add(new Variant(row[0], row[1], Pattern.compile(row[2]),
                    row[3].isEmpty() ? null : Pattern.compile(row[3])));
        }
        Map<String, String> categoryRoles = new LinkedHashMap<>();
        Map<String, String> idRoles = new LinkedHashMap<>();
        Map<String, RecipeKind> partRecipes = new LinkedHashMap<>();
        for (String line : lines("roles.txt")) {
            String[] cells = line.split("\\s*\\|\\s*");
            String[] key = cells[0].split("\\s+", 2);
            if (cells.length < 2 || key.length != 2) {
                throw new IllegalStateException("roles.txt: expected 'category NAME | ROLE' or 'id NAME | ROLE' in: "
                        + line);
            }
            if (key[0].equals("category")) {
                categoryRoles.put(key[1].strip(), cells[1].strip());
            } else {
                idRoles.put(key[1].strip(), cells[1].strip());
                if (cells.length > 2) {
                    partRecipes.put(key[1].strip(), RecipeKind.valueOf(cells[2].strip()));
                }
            }
        }
        return new Lexicon(aliases, defaults, heads, measurands, numbers, units, recipes, constraints, wireless,
                stop, common, circuit, plain, variants, categoryRoles, idRoles, partRecipes);
    }

    /** Rows of a {@code " | "}-separated file, each with exactly {@code columns} trimmed cells. */
    static List<String[]> table(String file, int columns) {
        List<String[]> rows = new ArrayList<>();
        for (String line : lines(file)) {
            // a cell ends at " | " (spaces around the bar), so regular expressions may use "|" freely
            String[] cells = line.split("\\s+\\|(?:\\s+|$)", columns);
            if (cells.length != columns) {
                throw new IllegalStateException(file + ": expected " + columns + " cells separated by '|' in: "
                        + line);
            }
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].strip();
            }
            rows.add(cells);
        }
        return rows;
    }

    /** Non-blank, non-comment lines of a file beside this class. */
    private static List<String> lines(String file) {
        try (InputStream in = Lexicon.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing from the classpath next to "
                        + Lexicon.class.getName() + "; rebuild the agents module");
            }
            List<String> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                s = s.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(s);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
