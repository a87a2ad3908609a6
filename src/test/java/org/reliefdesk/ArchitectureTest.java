package org.reliefdesk;

import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javafx.application.Platform;
import javafx.concurrent.Service;
import javafx.concurrent.Task;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the layers of DEVELOPERS.md: model at the bottom, logic above it, then store, sync,
 * central, report, gui and cli; only the app entry reaches the GUI.
 */
@AnalyzeClasses(packages = "org.reliefdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modelIsPlainJava = noClasses()
            .that()
            .resideInAPackage("org.reliefdesk.model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "javafx..",
                    "org.controlsfx..",
                    "org.hibernate..",
                    "jakarta.persistence..",
                    "org.flywaydb..",
                    "java.sql..",
                    "java.net.http..",
                    "com.sun.net.httpserver..",
                    "org.eclipse.jetty..",
                    "io.javalin..",
                    "com.fasterxml.jackson..")
            .because("model holds plain domain types only");

    @ArchTest
    static final ArchRule modelUsesNoOtherLayer = noClasses()
            .that()
            .resideInAPackage("org.reliefdesk.model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.reliefdesk.logic..",
                    "org.reliefdesk.store..",
                    "org.reliefdesk.sync..",
                    "org.reliefdesk.central..",
                    "org.reliefdesk.report..",
                    "org.reliefdesk.gui..",
                    "org.reliefdesk.cli..",
                    "org.reliefdesk.app..");

    @ArchTest
    static final ArchRule logicStaysBelowStorageAndScreens = noClasses()
            .that()
            .resideInAPackage("org.reliefdesk.logic..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.reliefdesk.gui..",
                    "org.reliefdesk.store..",
                    "org.reliefdesk.central..",
                    "org.reliefdesk.sync..",
                    "org.reliefdesk.report..",
                    "org.reliefdesk.cli..",
                    "org.reliefdesk.app..",
                    "javafx..",
                    "org.hibernate..",
                    "jakarta.persistence..");

    @ArchTest
    static final ArchRule storeDoesNotReachUp = noClasses()
            .that()
            .resideInAPackage("org.reliefdesk.store..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.reliefdesk.gui..",
                    "org.reliefdesk.cli..",
                    "org.reliefdesk.central..",
                    "org.reliefdesk.report..",
                    "org.reliefdesk.app..",
                    "javafx..");

    @ArchTest
    static final ArchRule centralStandsAlone = noClasses()
            .that()
            .resideInAPackage("org.reliefdesk.central..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.reliefdesk.store..",
                    "org.reliefdesk.sync..",
                    "org.reliefdesk.report..",
                    "org.reliefdesk.gui..",
                    "org.reliefdesk.cli..",
                    "org.reliefdesk.app..",
                    "javafx..",
                    "org.hibernate..")
            .because("the central store shares only the domain and its rules with the county PC");

    @ArchTest
    static final ArchRule syncClientDoesNotReachUp = noClasses()
            .that()
            .resideInAPackage("org.reliefdesk.sync..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.reliefdesk.central..",
                    "org.reliefdesk.report..",
                    "org.reliefdesk.gui..",
                    "org.reliefdesk.cli..",
                    "org.reliefdesk.app..",
                    "javafx..",
                    "org.eclipse.jetty..")
            .because("the client talks to the central store over HTTP only, never to its classes");

    @ArchTest
    static final ArchRule reportsDoNotReachUp = noClasses()
            .that()
            .resideInAPackage("org.reliefdesk.report..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.reliefdesk.gui..", "org.reliefdesk.cli..", "org.reliefdesk.app..", "javafx..")
            .because("reports are made the same way for the GUI, the CLI and scheduled runs");

    @ArchTest
    static final ArchRule onlyTheAppEntryUsesTheGui = noClasses()
            .that()
            .resideOutsideOfPackages("org.reliefdesk.gui..", "org.reliefdesk.app..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.reliefdesk.gui..");

    @ArchTest
    static final ArchRule noConsoleOutsideTheCli = noClasses()
            .that()
            .resideOutsideOfPackage("org.reliefdesk.cli..")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("only the CLI prints; everything else logs through SLF4J");

    @ArchTest
    static final ArchRule slf4jIsTheOnlyLoggingApi = noClasses()
            .that()
            .resideOutsideOfPackage("org.reliefdesk.app.logging..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "java.util.logging..",
                    "org.apache.logging.log4j..",
                    "org.apache.commons.logging..",
                    "ch.qos.logback..",
                    "org.jboss.logging..")
            .because("SLF4J is the only logging API (the app entry's logging package sets logback up)");

    static final String GUI = "org.reliefdesk.gui..";
    static final String TASK_SEAM = "org.reliefdesk.gui.common..";

    /** Views: what a person sees. They bind to view models and never reach storage, the network or files. */
    static final DescribedPredicate<JavaClass> VIEWS = new DescribedPredicate<>("views (*View, *Pane, *Window)") {
        @Override
        public boolean test(JavaClass c) {
            String name = c.getSimpleName().isEmpty() ? c.getName() : c.getSimpleName();
            return c.getPackageName().startsWith("org.reliefdesk.gui.")
                    && (name.endsWith("View") || name.endsWith("Pane") || name.endsWith("Window"));
        }
    };

    @ArchTest
    static final ArchRule onlyTheTaskSeamMakesThreads = noClasses()
            .that()
            .resideInAPackage(GUI)
            .and()
            .resideOutsideOfPackage(TASK_SEAM)
            .should()
            .callConstructorWhere(JavaCall.Predicates.target(
                    HasOwner.Predicates.With.owner(JavaClass.Predicates.assignableTo(Thread.class))))
            .orShould()
            .dependOnClassesThat()
            .belongToAnyOf(
                    Executors.class, ExecutorService.class, ScheduledExecutorService.class, Task.class, Service.class)
            .orShould()
            .callMethod(Platform.class, "runLater", Runnable.class)
            .because("UiTasks is the one place that owns threads and hands results to the FX thread");

    @ArchTest
    static final ArchRule viewsOnlyBind = noClasses()
            .that(VIEWS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.reliefdesk.store..", "org.reliefdesk.sync..", "org.reliefdesk.central..", "java.nio.file..")
            .because("a view binds to its view model; reading and writing are the view model's");

    @ArchTest
    static final ArchRule demoDataOnlyInTheDemoBootstrap = noClasses()
            .that()
            .resideInAPackage(GUI)
            .and()
            .resideOutsideOfPackage("org.reliefdesk.gui.session..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.reliefdesk.logic.sample..")
            .because("the demo county and its users are one source of data, set up by the demo bootstrap only");

    @ArchTest
    static final ArchRule oneChinaTime = noClasses()
            .that()
            .doNotHaveFullyQualifiedName("org.reliefdesk.model.ChinaTime")
            .should()
            .callMethod(ZoneId.class, "of", String.class)
            .because("deadlines count in one time zone, named once (model.ChinaTime)");
}
