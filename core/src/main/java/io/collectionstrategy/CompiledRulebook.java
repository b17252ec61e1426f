package io.collectionstrategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.io.DescrResource;
import org.kie.internal.builder.conf.LanguageLevelOption;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import io.collectionstrategy.facts.Evaluation;
import io.collectionstrategy.facts.GuaranteePeriod;
import io.collectionstrategy.facts.JudgmentClock;
import io.collectionstrategy.facts.LimitationClock;
import io.collectionstrategy.facts.Outcome;
import io.collectionstrategy.facts.Treatment;
import org.drools.base.base.ObjectType;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A rulebook compiled by Drools, with its script catalogue: what an engine runs. Immutable and thread-safe. */
final class CompiledRulebook {

    private static final Logger LOG = LoggerFactory.getLogger(CompiledRulebook.class);
    private static final Pattern ID = Pattern.compile("@id\\s*\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(\"[^\"]*\"|\\S+)");

    /** The name of the global rules write their conclusions to. */
    static final String OUTCOME = "outcome";
    private static final com.fasterxml.jackson.databind.ObjectMapper YAML =
            new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());

    /**
     * Which facts some rule matches: the engine inserts only those (an insert no rule can see still costs).
     *
     * @param treatment whether there is a second stage (rules on {@code Treatment})
     */
    record Stage(boolean debtor, boolean evaluation, boolean limitation, boolean guarantee, boolean judgment,
                 boolean treatment) {
    }

    /** A rule of the rulebook with its metadata. */
    record RuleDef(String id, String name, String file, int line) {
    }

    final Rulebook source;
    final KieBase kieBase;
    final ScriptCatalogue scripts;
    final List<RuleDef> rules;
    final Map<io.collectionstrategy.Jurisdiction, JurisdictionProfile> profiles;
    final Stage stage;
    /** Whether the rules declare the global {@code outcome}. */
    final boolean usesOutcome;
    /** Evidence points a type needs to be chosen. */
    final int minimumPoints;
    /** Tied types in this order, gentlest first ({@code classification.tieOrder}). */
    final List<String> tieOrder;
    /** The amount from which a case is a large exposure, or {@code null}. */
    final java.math.BigDecimal largeExposure;

    private CompiledRulebook(Rulebook source, InternalKnowledgeBase kieBase, ScriptCatalogue scripts, List<RuleDef> rules,
                             Map<io.collectionstrategy.Jurisdiction, JurisdictionProfile> profiles, RulebookSettings settings) {
        this.source = source;
        this.kieBase = kieBase;
        this.scripts = scripts;
        this.rules = List.copyOf(rules);
        this.profiles = profiles;
        this.minimumPoints = settings.minimumPoints();
        this.tieOrder = settings.tieOrder();
        this.largeExposure = settings.largeExposure();
        List<ObjectType> types = kieBase.getRete().getObjectTypeNodes().stream().map(ObjectTypeNode::getObjectType)
                .toList();
        java.util.function.Predicate<Class<?>> used = c -> types.stream().anyMatch(t -> t.isAssignableFrom(c));
        this.stage = new Stage(used.test(io.collectionstrategy.Debtor.class), used.test(Evaluation.class),
                used.test(LimitationClock.class), used.test(GuaranteePeriod.class), used.test(JudgmentClock.class),
                used.test(Treatment.class));
        this.usesOutcome = kieBase.getKiePackages().stream()
                .flatMap(p -> p.getGlobalVariables().stream()).anyMatch(g -> g.getName().equals(OUTCOME));
    }

    /**
     * Compiles the rulebook.
     *
     * @throws RulebookException listing every problem as {@code file:line: message}
     */
    static CompiledRulebook compile(Rulebook rulebook, boolean allowUnsafeRules) {
        long start = System.nanoTime();
        List<RulebookProblem> problems = new ArrayList<>();
        // Parsed once: the sandbox checks these descriptors and Drools compiles the very same ones, so no second
        // reading of the text can differ from what was checked.
        Map<String, PackageDescr> parsed = parse(rulebook, problems);
        if (!allowUnsafeRules) {
            PreCompileChecks.checkDrlSafety(rulebook, parsed, problems);
        }
        PreCompileChecks.checkSupported(rulebook, problems);
        PreCompileChecks.checkFairness(rulebook, problems);
        ScriptCatalogue scripts = ScriptCatalogue.load(rulebook, problems);
        PreCompileChecks.checkTexts(rulebook, parsed, scripts, problems);
        Map<io.collectionstrategy.Jurisdiction, JurisdictionProfile> profiles = JurisdictionProfile.load(rulebook, problems);
        RulebookSettings settings = RulebookSettings.read(rulebook, problems);
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(RulebookProblem::file).thenComparingInt(RulebookProblem::line));
            throw new RulebookException(rulebook.name() + " (" + rulebook.origin() + ")", problems);
        }
        if (scripts.locales().isEmpty()) {
            problems.add(new RulebookProblem("scripts/", 0, "no script catalogue: add scripts/en.yaml or scripts/zh-CN.yaml"));
        }
        List<RuleDef> defs = scanRules(rulebook, problems);

        // The knowledge builder compiles DRL without a KieModule: nothing to register in (and remove from) the
        // KieRepository, and no ERROR log line of its own for an analyst's broken rulebook: we report the problems.
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        CompositeKnowledgeBuilder batch = builder.batch(); // all files at once, in path order, as KieBuilder does
        for (String path : rulebook.paths(".drl")) {
            DescrResource resource = new DescrResource(parsed.get(path));
            resource.setSourcePath(path);
            batch.add(resource, ResourceType.DESCR);
        }
        batch.build();
        for (KnowledgeBuilderResult r : builder.getResults(ResultSeverity.ERROR)) {
            String path = r.getResource() == null || r.getResource().getSourcePath() == null ? ""
                    : r.getResource().getSourcePath();
            int line = r.getLines() == null || r.getLines().length == 0 ? 0 : Math.max(r.getLines()[0], 0);
            problems.add(new RulebookProblem(path, line, oneLine(r.getMessage())));
        }
        // Drools adds "Parser returned a null Package" (line 0) after a syntax error it already reported with a line
        problems.removeIf(p -> p.line() == 0 && p.message().startsWith("Parser returned a null Package")
                && problems.stream().anyMatch(q -> q.file().equals(p.file()) && q.line() > 0));
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(RulebookProblem::file).thenComparingInt(RulebookProblem::line));
            throw new RulebookException(rulebook.name() + " (" + rulebook.origin() + ")", problems);
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
        kieBase.addPackages(builder.getKnowledgePackages());
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (org.kie.api.definition.rule.Global g : pkg.getGlobalVariables()) {
                if (g.getName().equals(OUTCOME) && !g.getType().equals(Outcome.class.getName())) {
                    problems.add(new RulebookProblem(pkg.getName().replace('.', '/') + "/", 0, "global " + OUTCOME
                            + " must be declared as " + Outcome.class.getName() + ", was " + g.getType()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RulebookException(rulebook.name() + " (" + rulebook.origin() + ")", problems);
        }
        List<RuleDef> compiled = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Object id = rule.getMetaData().get("id");
                RuleDef scanned = defs.stream().filter(d -> d.name().equals(rule.getName())).findFirst().orElse(null);
                compiled.add(new RuleDef(id == null ? rule.getName() : id.toString(), rule.getName(),
                        scanned == null ? pkg.getName() : scanned.file(), scanned == null ? 0 : scanned.line()));
            }
        }
        compiled.sort(Comparator.comparing(RuleDef::file).thenComparingInt(RuleDef::line));
        LOG.info("compiled rulebook {} version {}: {} rules, {} script locales in {} ms", rulebook.name(),
                rulebook.version(), compiled.size(), scripts.locales().size(), (System.nanoTime() - start) / 1_000_000);
        return new CompiledRulebook(rulebook, kieBase, scripts, compiled, profiles, settings);
    }

    /**
     * Parses every {@code .drl} file with Drools' own parser, at the language level the knowledge builder uses.
     * A file with syntax errors is reported ({@code file:line: [ERR ...] ...}, as Drools words them) and left out.
     */
    static Map<String, PackageDescr> parse(Rulebook rulebook, List<RulebookProblem> problems) {
        LanguageLevelOption level = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration()
                .getOption(LanguageLevelOption.KEY);
        Map<String, PackageDescr> parsed = new java.util.LinkedHashMap<>();
        for (String path : rulebook.paths(".drl")) {
            DrlParser parser = new DrlParser(level);
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, rulebook.files().get(path));
            } catch (DroolsParserException | RuntimeException e) {
                problems.add(new RulebookProblem(path, 0, "cannot parse: " + oneLine(String.valueOf(e.getMessage()))));
                continue;
            }
            if (parser.hasErrors() || pkg == null) {
                for (DroolsError error : parser.getErrors()) {
                    int[] lines = error.getLines();
                    int line = lines == null || lines.length == 0 ? 0 : Math.max(lines[0], 0);
                    problems.add(new RulebookProblem(path, line, oneLine(error.getMessage())));
                }
                if (parser.getErrors().isEmpty()) {
                    problems.add(new RulebookProblem(path, 0, "Drools' parser returned no package"));
                }
                continue;
            }
            parsed.put(path, pkg);
        }
        return parsed;
    }

    /**
     * Reads each rule's name, {@code @id} and line from the DRL text, and reports rules without an id and ids used
     * twice. Drools keeps neither the line nor the file of a rule, so the text is the only source.
     */
    static List<RuleDef> scanRules(Rulebook rulebook, List<RulebookProblem> problems) {
        List<RuleDef> defs = new ArrayList<>();
        Map<String, RuleDef> byId = new java.util.HashMap<>();
        for (String path : rulebook.paths(".drl")) {
            String[] lines = rulebook.files().get(path).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher r = RULE.matcher(lines[i]);
                if (!r.find()) {
                    continue;
                }
                String name = r.group(1).startsWith("\"") ? r.group(1).substring(1, r.group(1).length() - 1) : r.group(1);
                String id = null;
                for (int j = i; j < lines.length && j < i + 6 && !lines[j].trim().equals("when"); j++) {
                    Matcher m = ID.matcher(lines[j]);
                    if (m.find()) {
                        id = m.group(1);
                        break;
                    }
                }
                if (id == null) {
                    problems.add(new RulebookProblem(path, i + 1, "rule \"" + name + "\" has no @id(\"...\") metadata"));
                    continue;
                }
                RuleDef def = new RuleDef(id, name, path, i + 1);
                RuleDef earlier = byId.putIfAbsent(id, def);
                if (earlier != null) {
                    problems.add(new RulebookProblem(path, i + 1, "rule id " + id + " of \"" + name + "\" is already used by \""
                            + earlier.name() + "\" at " + earlier.file() + ":" + earlier.line()));
                }
                defs.add(def);
            }
        }
        return defs;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
