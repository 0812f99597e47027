package dev.turntable.harness.cucumber;

import static io.cucumber.junit.platform.engine.Constants.FILTER_TAGS_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * Runs every scenario under the project's top-level {@code features/} with the step library, and
 * writes Cucumber's HTML, JSON and JUnit XML reports under {@code target/cucumber/}. Scenarios
 * tagged {@code @container} need Docker and run in {@code ContainerFeaturesIT}.
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("../features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "dev.turntable.harness.cucumber")
@ConfigurationParameter(
    key = PLUGIN_PROPERTY_NAME,
    value =
        "summary, html:target/cucumber/report.html, json:target/cucumber/report.json,"
            + " junit:target/cucumber/junit.xml")
@ConfigurationParameter(key = FILTER_TAGS_PROPERTY_NAME, value = "not @container")
class FeaturesIT {}
