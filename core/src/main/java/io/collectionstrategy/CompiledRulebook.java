package io.collectionstrategy;

import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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
import io.collectionstrategy.facts.Timeline;
import io.collectionstrategy.facts.LimitationClock;
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
                 boolean timeline, boolean treatment) {
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
    /** How the case's timeline shapes the next step ({@code timeline:} of {@code rulebook.yaml}). */
    final TimelineSettings timeline;
    /** The rulebook's own steps that contact the debtor, with their channel ({@code steps:} of {@code rulebook.yaml}). */
    final Map<String, Channel> declaredContactSteps;
    /** The numbers the rules read by name ({@code parameters:} of {@code rulebook.yaml}), with the rules reading each. */
    final List<RuleParameter> parameters;

    private CompiledRulebook(Rulebook source, InternalKnowledgeBase kieBase, ScriptCatalogue scripts, List<RuleDef> rules,
                             Map<io.collectionstrategy.Jurisdiction, JurisdictionProfile> profiles, RulebookSettings settings,
                             DeclaredSteps steps, List<RuleParameter> parameters) {
        this.source = source;
        this.parameters = parameters;
        this.declaredContactSteps = steps.channels();
        this.kieBase = kieBase;
        this.scripts = scripts;
        this.rules = List.copyOf(rules);
        this.profiles = profiles;
        this.minimumPoints = settings.minimumPoints();
        this.tieOrder = settings.tieOrder();
        this.largeExposure = settings.largeExposure();
        this.timeline = settings.timeline();
        List<ObjectType> types = kieBase.getRete().getObjectTypeNodes().stream().map(ObjectTypeNode::getObjectType)
                .toList();
        java.util.function.Predicate<Class<?>> used = c -> types.stream().anyMatch(t -> t.isAssignableFrom(c));
        this.stage = new Stage(used.test(io.collectionstrategy.Debtor.class), used.test(Evaluation.class),
                used.test(LimitationClock.class), used.test(GuaranteePeriod.class), used.test(JudgmentClock.class),
                used.test(Timeline.class), used.test(Treatment.class));
        this.usesOutcome = kieBase.getKiePackages().stream()
                .flatMap(p -> p.getGlobalVariables().stream()).anyMatch(g -> g.getName().equals(OUTCOME));
    }

    /**
     * Compiles the rulebook.
     *
     * @throws RulebookException listing every problem as {@code file:line: message}
     */
    static CompiledRulebook compile(Rulebook written, boolean allowUnsafeRules) {
        long start = System.nanoTime();
        List<RulebookProblem> problems = new ArrayList<>();
        // The parameters are written into the rules first: everything after reads ordinary number literals.
        RuleParameters.Resolved parameters = RuleParameters.resolve(written, problems);
        Rulebook rulebook = parameters.rulebook();
        List<RulebookProblem> stepProblems = new ArrayList<>(); // reported with the other texts' problems
        DeclaredSteps steps = DeclaredSteps.read(rulebook, stepProblems);
        Map<String, PackageDescr> parsed = check(rulebook, RulebookKind.COLLECTION, allowUnsafeRules, steps.names(),
                problems);
        // The texts (scripts, their lint, jurisdictions, settings) are read on a second thread while Drools compiles
        // the rules that passed the sandbox: a third of the start-up on two cores. The rules' own texts are taken
        // from the descriptors first, so that only this thread touches what Drools compiles.
        Map<String, List<RuleSandbox.RuleText>> ruleTexts = PreCompileChecks.ruleTexts(rulebook, parsed);
        FutureTask<Texts> textsTask = new FutureTask<>(() -> Texts.read(rulebook, ruleTexts, steps, stepProblems));
        if (problems.isEmpty()) {
            Thread t = new Thread(textsTask, "rulebook-texts");
            t.setDaemon(true);
            t.start();
        } else {
            textsTask.run();
        }
        List<RulebookProblem> buildProblems = new ArrayList<>();
        Built built = problems.isEmpty() ? tryBuild(rulebook, parsed, buildProblems) : null;
        Texts texts = Texts.await(textsTask);
        problems.addAll(texts.problems());
        throwIfAny(rulebook, problems);
        ScriptCatalogue scripts = texts.scripts();
        if (scripts.locales().isEmpty()) {
            problems.add(new RulebookProblem("scripts/", 0, "no script catalogue: add scripts/en.yaml or scripts/zh-CN.yaml"));
        }
        if (built == null || !problems.isEmpty()) {
            problems.addAll(buildProblems);
            throwIfAny(rulebook, problems);
        }
        Map<io.collectionstrategy.Jurisdiction, JurisdictionProfile> profiles = texts.profiles();
        RulebookSettings settings = texts.settings();
        LOG.info("compiled rulebook {} version {}: {} rules, {} script locales in {} ms", rulebook.name(),
                rulebook.version(), built.rules().size(), scripts.locales().size(), (System.nanoTime() - start) / 1_000_000);
        return new CompiledRulebook(rulebook, built.kieBase(), scripts, built.rules(), profiles, settings, texts.steps(),
                parameters.describe(built.rules()));
    }

    /** The build, or null with its problems in {@code problems}. */
    private static Built tryBuild(Rulebook rulebook, Map<String, PackageDescr> parsed, List<RulebookProblem> problems) {
        try {
            return build(rulebook, RulebookKind.COLLECTION, parsed, problems);
        } catch (RulebookException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    /** What the rulebook's texts give: its scripts, jurisdiction profiles and settings, and their problems. */
    private record Texts(ScriptCatalogue scripts, Map<io.collectionstrategy.Jurisdiction, JurisdictionProfile> profiles,
                         RulebookSettings settings, DeclaredSteps steps, List<RulebookProblem> problems) {

        static Texts read(Rulebook rulebook, Map<String, List<RuleSandbox.RuleText>> ruleTexts, DeclaredSteps steps,
                          List<RulebookProblem> stepProblems) {
            List<RulebookProblem> problems = new ArrayList<>();
            ScriptCatalogue scripts = ScriptCatalogue.load(rulebook, problems);
            PreCompileChecks.checkTexts(rulebook, ruleTexts, scripts, problems);
            Map<io.collectionstrategy.Jurisdiction, JurisdictionProfile> profiles = JurisdictionProfile.load(rulebook, problems);
            RulebookSettings settings = RulebookSettings.read(rulebook, problems);
            problems.addAll(stepProblems);
            return new Texts(scripts, profiles, settings, steps, problems);
        }

        /** The task's result; what it threw is thrown here, as if it had run on this thread. */
        static Texts await(FutureTask<Texts> task) {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the rulebook's texts", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** What the shared compile path makes of a rulebook of any kind: its knowledge base and its rules. */
    record Built(InternalKnowledgeBase kieBase, List<RuleDef> rules) {

        /** @return whether some rule matches facts of this type (the engine inserts only those) */
        boolean matches(Class<?> type) {
            return kieBase.getRete().getObjectTypeNodes().stream().map(ObjectTypeNode::getObjectType)
                    .anyMatch(t -> t.isAssignableFrom(type));
        }

        /** @return whether the rules declare the global {@code outcome} */
        boolean usesOutcome() {
            return kieBase.getKiePackages().stream().flatMap(p -> p.getGlobalVariables().stream())
                    .anyMatch(g -> g.getName().equals(OUTCOME));
        }
    }

    /**
     * The checks on the source files that every kind of rulebook passes before it is compiled: the kind it declares,
     * Drools' parser, the sandbox (unless {@code allowUnsafeRules}), supported constructs and the fairness lint.
     *
     * @return each {@code .drl} file Drools' parser read without errors, by path: what {@link #build} compiles
     */
    static Map<String, PackageDescr> check(Rulebook rulebook, RulebookKind kind, boolean allowUnsafeRules,
                                           List<RulebookProblem> problems) {
        return check(rulebook, kind, allowUnsafeRules, java.util.Set.of(), problems);
    }

    /** As above, with the step names the rulebook declares ({@link DeclaredSteps#names()}) for the sandbox. */
    static Map<String, PackageDescr> check(Rulebook rulebook, RulebookKind kind, boolean allowUnsafeRules,
                                           java.util.Set<String> declaredSteps, List<RulebookProblem> problems) {
        if (!rulebook.kind().equals(kind.name())) { // nothing else is worth checking: every rule would be refused
            throw new RulebookException(rulebook.name() + " (" + rulebook.origin() + ")", List.of(new RulebookProblem(
                    RulebookSettings.FILE, ScriptCatalogue.lineOf(rulebook.files().getOrDefault(RulebookSettings.FILE, ""),
                    "kind"), "this rulebook is of kind " + rulebook.kind() + " (kind: in rulebook.yaml), not "
                    + kind.name() + ": a collection rulebook is built with CollectionStrategy.builder(), an incentive"
                    + " policy (kind: incentives) with IncentivePolicy.builder()")));
        }
        // Parsed once: the sandbox checks these descriptors and Drools compiles the very same ones, so no second
        // reading of the text can differ from what was checked.
        Map<String, PackageDescr> parsed = parse(rulebook, problems);
        if (!allowUnsafeRules) {
            PreCompileChecks.checkDrlSafety(rulebook, kind, parsed, declaredSteps, problems);
        }
        PreCompileChecks.checkSupported(rulebook, kind, problems);
        PreCompileChecks.checkFairness(rulebook, problems);
        return parsed;
    }

    /** Throws the problems found so far, sorted by file and line, if there are any. */
    static void throwIfAny(Rulebook rulebook, List<RulebookProblem> problems) {
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(RulebookProblem::file).thenComparingInt(RulebookProblem::line));
            throw new RulebookException(rulebook.name() + " (" + rulebook.origin() + ")", problems);
        }
    }

    /**
     * Compiles the descriptors {@link #check} parsed with Drools' knowledge builder, checks the type of the global
     * {@code outcome} against the kind, and reads each rule's id, file and line.
     *
     * @param problems the problems found so far: thrown with those of compiling
     * @throws RulebookException listing every problem as {@code file:line: message}
     */
    static Built build(Rulebook rulebook, RulebookKind kind, Map<String, PackageDescr> parsed,
                       List<RulebookProblem> problems) {
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
            problems.add(new RulebookProblem(path, line, plain(oneLine(r.getMessage()), path, line, defs)));
        }
        // Drools adds "Parser returned a null Package" (line 0) after a syntax error it already reported with a line
        problems.removeIf(p -> p.line() == 0 && p.message().startsWith("Parser returned a null Package")
                && problems.stream().anyMatch(q -> q.file().equals(p.file()) && q.line() > 0));
        throwIfAny(rulebook, problems);
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
        kieBase.addPackages(builder.getKnowledgePackages());
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (org.kie.api.definition.rule.Global g : pkg.getGlobalVariables()) {
                if (g.getName().equals(OUTCOME) && !g.getType().equals(kind.outcome().getName())) {
                    problems.add(new RulebookProblem(pkg.getName().replace('.', '/') + "/", 0, "global " + OUTCOME
                            + " must be declared as " + kind.outcome().getName() + ", was " + g.getType()));
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
        return new Built(kieBase, compiled);
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
                List<RulebookProblem> unclosed = unclosedRules(path, rulebook.files().get(path),
                        parser.getErrors().isEmpty() ? "" : oneLine(parser.getErrors().get(0).getMessage()));
                if (!unclosed.isEmpty()) {
                    problems.addAll(unclosed);
                    continue;
                }
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

    private static final Pattern OPENS = Pattern.compile("^\\s*(rule|query|declare)\\s+(\"[^\"]*\"|\\S+)");
    private static final Pattern END = Pattern.compile("^\\s*end\\s*;?\\s*$");

    /**
     * Rules not closed with {@code end}, found on the text (comments and strings aside): Drools reports such a
     * mistake as "mismatched input" on a line of the next rule.
     */
    static List<RulebookProblem> unclosedRules(String path, String drl, String droolsSaid) {
        List<RulebookProblem> out = new ArrayList<>();
        String[] lines = PreCompileChecks.code(drl).split("\n", -1);
        String[] raw = drl.split("\n", -1);
        String open = null;
        int openLine = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = OPENS.matcher(lines[i]);
            if (m.find()) {
                if (open != null) {
                    out.add(new RulebookProblem(path, openLine, open + " is not closed with end: add a line end after its"
                            + " then part, before the " + m.group(1) + " at line " + (i + 1) + tail(droolsSaid)));
                }
                Matcher named = OPENS.matcher(raw[i]);
                open = m.group(1) + " " + (named.find() ? named.group(2) : m.group(2));
                openLine = i + 1;
            } else if (END.matcher(lines[i]).matches()) {
                open = null;
            }
        }
        if (open != null) {
            out.add(new RulebookProblem(path, openLine, open + " is not closed with end: add a line end after its then"
                    + " part" + tail(droolsSaid)));
        }
        return out;
    }

    private static String tail(String droolsSaid) {
        return droolsSaid.isEmpty() ? "" : ". Drools said: " + droolsSaid;
    }

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate rule name: (.*)");

    /**
     * Drools' message in the analyst's words where we know better, with Drools' own text after it: a duplicate rule
     * name names both places.
     */
    static String plain(String drools, String path, int line, List<RuleDef> defs) {
        Matcher m = DUPLICATE.matcher(drools);
        if (m.find()) {
            String name = m.group(1).trim();
            List<RuleDef> same = defs.stream().filter(d -> d.name().equals(name)).toList();
            List<String> places = same.stream().map(d -> d.file() + ":" + d.line()).toList();
            if (same.size() > 1) {
                return "two rules are named \"" + name + "\" (at " + String.join(" and ", places)
                        + "): rule names must be unique, rename one. Drools said: " + drools;
            }
        }
        return drools;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
