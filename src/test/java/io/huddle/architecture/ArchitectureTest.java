package io.huddle.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of docs/architecture.md, held as rules. Rules run from methods: Surefire 3.5.3 and later skip
 * {@code @ArchTest} fields.
 */
@AnalyzeClasses(packages = "io.huddle", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final ArchRule DOMAINKNOWSNOFRAMEWORK = noClasses().that().resideInAPackage("io.huddle.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.javalin..", "org.eclipse..",
                    "com.fasterxml..", "okhttp3..", "org.glassfish..", "jakarta..", "java.sql..", "org.sqlite..",
                    "io.huddle.protocol..", "io.huddle.gateway..", "io.huddle.client..", "io.huddle.console..",
                    "io.huddle.agent..", "io.huddle.ui..", "io.huddle.journal..")
            .because("the domain is plain Java: records, enums and rules that every layer can use");

    @ArchTest
    void domainKnowsNoFramework(JavaClasses classes) {
        DOMAINKNOWSNOFRAMEWORK.check(classes);
    }

    private static final ArchRule ONLYDESKTOPPACKAGESTOUCHTHESCENEGRAPH = noClasses()
            .that().resideOutsideOfPackages("io.huddle.console..", "io.huddle.agent..", "io.huddle.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                    "org.controlsfx..", "atlantafx..", "org.kordamp.ikonli..")
            .because("only the desktop apps build nodes; everything else runs headless");

    @ArchTest
    void onlyDesktopPackagesTouchTheSceneGraph(JavaClasses classes) {
        ONLYDESKTOPPACKAGESTOUCHTHESCENEGRAPH.check(classes);
    }

    private static final ArchRule GATEWAYNEVERIMPORTSTHEDESKTOP = noClasses().that().resideInAPackage("io.huddle.gateway..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.huddle.console..",
                    "io.huddle.agent..", "io.huddle.ui..", "io.huddle.client..", "io.huddle.journal..")
            .because("the gateway runs on a server with no display and knows nothing of its clients");

    @ArchTest
    void gatewayNeverImportsTheDesktop(JavaClasses classes) {
        GATEWAYNEVERIMPORTSTHEDESKTOP.check(classes);
    }

    private static final ArchRule ANALYTICSKNOWSNOTRANSPORT = noClasses().that()
            .resideInAPackage("io.huddle.gateway.analytics..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "io.huddle.gateway.http..",
                    "io.huddle.gateway.stream..", "io.huddle.gateway.floor..", "io.huddle.cli..")
            .because("the analytics' definitions are read by the REST API, not tied to it; they read the store, "
                    + "never the live floor");

    @ArchTest
    void analyticsKnowsNoTransport(JavaClasses classes) {
        ANALYTICSKNOWSNOTRANSPORT.check(classes);
    }

    private static final ArchRule ADMINKNOWSNOTRANSPORT = noClasses().that().resideInAPackage("io.huddle.gateway.admin..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse..", "picocli..",
                    "io.huddle.gateway.http..", "io.huddle.gateway.stream..", "io.huddle.cli..")
            .because("the rules of administration are the same over REST and on the command line (huddle admin)");

    @ArchTest
    void adminKnowsNoTransport(JavaClasses classes) {
        ADMINKNOWSNOTRANSPORT.check(classes);
    }

    private static final ArchRule CLIENTKNOWSNOUI = noClasses().that().resideInAnyPackage("io.huddle.client..",
                    "io.huddle.journal..", "io.huddle.protocol..", "io.huddle.settings..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.huddle.console..",
                    "io.huddle.agent..", "io.huddle.ui..", "io.huddle.gateway..")
            .because("the client, journal and wire format are headless and do not depend on the gateway's code");

    @ArchTest
    void clientKnowsNoUi(JavaClasses classes) {
        CLIENTKNOWSNOUI.check(classes);
    }

    private static final ArchRule VIEWMODELSBUILDNONODES = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                    "org.controlsfx..", "atlantafx..")
            .because("view models hold the logic and are tested with plain JUnit; views only build and bind")
            .allowEmptyShould(true);

    @ArchTest
    void viewModelsBuildNoNodes(JavaClasses classes) {
        VIEWMODELSBUILDNONODES.check(classes);
    }

    private static final ArchRule ONLYTHEBRIDGECALLSRUNLATER = noClasses()
            .that().doNotHaveFullyQualifiedName("io.huddle.ui.FxBridge")
            .and().doNotHaveFullyQualifiedName("io.huddle.ui.FxLauncher")
            .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
            .because("events cross into the FX thread in one place, batched per pulse (FxBridge)");

    @ArchTest
    void onlyTheBridgeCallsRunLater(JavaClasses classes) {
        ONLYTHEBRIDGECALLSRUNLATER.check(classes);
    }

    private static final ArchRule ONLYTHEINBOUNDSIDEDRIVESTHEFLOOR = noClasses()
            .that().resideOutsideOfPackages("io.huddle.gateway.platform..", "io.huddle.gateway.floor..")
            .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "a method of the floor's platform side (PlatformSide)",
                    call -> call.getTargetOwner().isEquivalentTo(io.huddle.gateway.floor.PlatformSide.class)))
            .because("what happens on the floor comes from the contact center through the Platform API's inbound"
                    + " side (docs/platform.md), never from inside the gateway");

    @ArchTest
    void onlyThePlatformApiDrivesTheFloor(JavaClasses classes) {
        ONLYTHEINBOUNDSIDEDRIVESTHEFLOOR.check(classes);
    }

    private static final ArchRule SIMULATORISAPLATFORM = noClasses().that().resideInAPackage("io.huddle.simulator..")
            .should().dependOnClassesThat().resideInAnyPackage("io.huddle.gateway..", "javafx..",
                    "io.huddle.console..", "io.huddle.agent..", "io.huddle.ui..")
            .because("the simulated contact center uses nothing a real adapter could not: the Platform API's wire"
                    + " format and Huddle's public REST client");

    @ArchTest
    void theSimulatorIsOnTheFarSideOfThePlatformApi(JavaClasses classes) {
        SIMULATORISAPLATFORM.check(classes);
    }

    private static final ArchRule GATEWAYKNOWSNOSIMULATOR = noClasses().that().resideInAPackage("io.huddle.gateway..")
            .should().dependOnClassesThat().resideInAPackage("io.huddle.simulator..")
            .because("the gateway knows a platform only through the Platform API");

    @ArchTest
    void theGatewayKnowsNoSimulator(JavaClasses classes) {
        GATEWAYKNOWSNOSIMULATOR.check(classes);
    }

    private static final ArchRule SCIMSTAYSINITSPACKAGE = noClasses().that()
            .resideOutsideOfPackage("io.huddle.gateway.scim..")
            .should().dependOnClassesThat().resideInAPackage("com.unboundid.scim2..")
            .because("SCIM's wire format (filters, PATCH, its errors) is read and written in gateway.scim alone; the"
                    + " store gets plain conditions and records, the REST API never speaks SCIM");

    @ArchTest
    void scimStaysInItsPackage(JavaClasses classes) {
        SCIMSTAYSINITSPACKAGE.check(classes);
    }

    private static final ArchRule STOREKNOWSNOSCIMAPI = noClasses().that().resideInAPackage("io.huddle.gateway.store..")
            .should().dependOnClassesThat().resideInAnyPackage("io.huddle.gateway.scim..", "io.huddle.gateway.http..")
            .because("the store keeps what SCIM and REST change; it does not know how they are called");

    @ArchTest
    void theStoreKnowsNoApi(JavaClasses classes) {
        STOREKNOWSNOSCIMAPI.check(classes);
    }

    private static final ArchRule ONLYPOSTGRESCLASSESSPEAKPOSTGRES = noClasses()
            .that().resideOutsideOfPackage("io.huddle.gateway.store")
            .or().haveSimpleNameNotStartingWith("Postgres")
            .should().dependOnClassesThat().resideInAnyPackage("org.postgresql..", "org.flywaydb..")
            .because("the PostgreSQL engine is the store's Postgres* classes; the rest of the gateway sees"
                    + " GatewayStore and GatewayDatabase whichever database is behind them");

    @ArchTest
    void onlyThePostgresStoreClassesSpeakPostgres(JavaClasses classes) {
        ONLYPOSTGRESCLASSESSPEAKPOSTGRES.check(classes);
    }

    private static final ArchRule ONLYSQLITESTORECLASSESSPEAKSQLITE = noClasses()
            .that().resideInAPackage("io.huddle.gateway.store").and().haveSimpleNameNotStartingWith("Sqlite")
            .should().dependOnClassesThat().resideInAnyPackage("org.sqlite..")
            .because("the store's SQLite engine is its Sqlite* classes; the JDBC store, the dialect contract and"
                    + " the row classes are the same code on both engines");

    @ArchTest
    void onlyTheSqliteStoreClassesSpeakSqlite(JavaClasses classes) {
        ONLYSQLITESTORECLASSESSPEAKSQLITE.check(classes);
    }

    private static final ArchRule SQLITESTOREKNOWSNOPOSTGRES = noClasses()
            .that().resideInAPackage("io.huddle.gateway.store").and().haveSimpleNameStartingWith("Sqlite")
            .should().dependOnClassesThat().haveSimpleNameStartingWith("Postgres")
            .because("the embedded default stands alone; what both engines use is engine-neutral, never the"
                    + " PostgreSQL engine's");

    @ArchTest
    void theSqliteStoreKnowsNoPostgres(JavaClasses classes) {
        SQLITESTOREKNOWSNOPOSTGRES.check(classes);
    }

    private static final ArchRule POSTGRESSTOREKNOWSNOSQLITE = noClasses()
            .that().resideInAPackage("io.huddle.gateway.store").and().haveSimpleNameStartingWith("Postgres")
            .should().dependOnClassesThat(DescribedPredicate.describe(
                    "are SQLite engine classes", (JavaClass c) ->
                            c.getSimpleName().startsWith("Sqlite")))
            .because("what both engines use is engine-neutral and named so");

    @ArchTest
    void thePostgresStoreKnowsNoSqlite(JavaClasses classes) {
        POSTGRESSTOREKNOWSNOSQLITE.check(classes);
    }

    private static final ArchRule SSOKNOWSNOHTTP = noClasses().that().resideInAPackage("io.huddle.gateway.sso..")
            .should().dependOnClassesThat().resideInAnyPackage("io.huddle.gateway.http..", "io.javalin..",
                    "io.huddle.gateway.floor..", "io.huddle.gateway.stream..", "io.huddle.gateway.platform..")
            .because("single sign-on proves who a person is and starts their session; routes are the http"
                    + " package's, and the floor never takes part in signing in");

    @ArchTest
    void singleSignOnKnowsNoHttpNorFloor(JavaClasses classes) {
        SSOKNOWSNOHTTP.check(classes);
    }

    private static final ArchRule METRICSSTAYINOPS = noClasses().that()
            .resideOutsideOfPackage("io.huddle.gateway.ops..")
            .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "io.github.resilience4j.micrometer..",
                    "io.prometheus..")
            .because("the gateway's parts report through the GatewayMetrics hooks; the metrics library, its names"
                    + " and labels live in gateway.ops alone (docs/operations.md)");

    @ArchTest
    void metricsStayInTheOpsPackage(JavaClasses classes) {
        METRICSSTAYINOPS.check(classes);
    }

    private static final ArchRule DBUSSTAYSINCONSOLEDBUS = noClasses().that()
            .resideOutsideOfPackage("io.huddle.console.dbus..")
            .should().dependOnClassesThat().resideInAPackage("org.freedesktop..")
            .because("the console speaks to the desktop's notifications through NotificationSink; the D-Bus library"
                    + " and the freedesktop interface live in console.dbus alone, so another desktop's sink can"
                    + " stand in for it");

    @ArchTest
    void dbusStaysInConsoleDbus(JavaClasses classes) {
        DBUSSTAYSINCONSOLEDBUS.check(classes);
    }

    private static final ArchRule NO_STANDARD_STREAMS = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
            .because("errors are logged with SLF4J or shown to the person; picocli output goes through its writer");

    @ArchTest
    void noStandardStreams(JavaClasses classes) {
        NO_STANDARD_STREAMS.check(classes);
    }

    private static final ArchRule NOJUL = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    void noJul(JavaClasses classes) {
        NOJUL.check(classes);
    }

    private static final ArchRule DESKTOPLOGSTHROUGHSLF4J = noClasses().that().resideInAnyPackage("io.huddle.console..",
                    "io.huddle.agent..", "io.huddle.ui..", "io.huddle.client..", "io.huddle.settings..",
                    "io.huddle.domain..")
            .should().dependOnClassesThat().resideInAPackage("ch.qos.logback..")
            .because("code logs through SLF4J; the desktop apps' log file is set up in io.huddle.logging alone");

    @ArchTest
    void desktopLogsThroughSlf4j(JavaClasses classes) {
        DESKTOPLOGSTHROUGHSLF4J.check(classes);
    }
}
