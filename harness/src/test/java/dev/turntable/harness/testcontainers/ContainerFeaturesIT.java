package dev.turntable.harness.testcontainers;

import static io.cucumber.junit.platform.engine.Constants.FILTER_TAGS_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * The scenarios tagged {@code @container}: the public step library, with the mocks in the image
 * built from this tree ({@link ContainerHooks} builds it, or skips/fails without Docker).
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("../features/container")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "dev.turntable.harness.cucumber,dev.turntable.harness.testcontainers")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME, value = "summary")
@ConfigurationParameter(key = FILTER_TAGS_PROPERTY_NAME, value = "@container")
class ContainerFeaturesIT {}
