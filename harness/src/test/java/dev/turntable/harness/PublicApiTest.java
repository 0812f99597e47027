package dev.turntable.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.harness.fixture.Fixture;
import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The artifact's public surface is what other projects build on, so it is kept small on purpose
 * and listed in the overview ({@code dev/turntable/harness/package-info.java}). These tests keep
 * that list true and make sure no public signature hands out a type a consumer cannot name.
 */
class PublicApiTest {
  private static final String ROOT = "dev.turntable.harness.";
  private static final Path OVERVIEW =
      Path.of("src/main/java/dev/turntable/harness/package-info.java");

  @Test
  void theOverviewListsExactlyThePublicTypes() throws IOException, URISyntaxException {
    Set<String> listed = new TreeSet<>();
    Matcher link = Pattern.compile("\\{@link\\s+(?:\\*\\s+)?(dev\\.turntable\\.harness\\.[a-z]+\\.[A-Z]\\w*)\\}")
        .matcher(Files.readString(OVERVIEW));
    while (link.find()) {
      listed.add(link.group(1));
    }
    Set<String> publicTypes = new TreeSet<>();
    for (Class<?> type : topLevelTypes()) {
      if (Modifier.isPublic(type.getModifiers())) {
        publicTypes.add(type.getName());
      }
    }
    assertThat(publicTypes)
        .as("public types vs. the list in %s: list a new public type there (and in its package's"
            + " package-info.java), or make it package-private", OVERVIEW)
        .isEqualTo(listed);
  }

  @Test
  void eachPackageDocumentsItsPublicTypes() throws IOException, URISyntaxException {
    List<String> undocumented = new ArrayList<>();
    for (Class<?> type : topLevelTypes()) {
      if (Modifier.isPublic(type.getModifiers())) {
        Path docs = OVERVIEW.resolveSibling(
            type.getPackageName().substring(ROOT.length()) + "/package-info.java");
        if (!Files.exists(docs) || !Files.readString(docs).contains(type.getSimpleName())) {
          undocumented.add(type.getName() + " in " + docs);
        }
      }
    }
    assertThat(undocumented).as("public types their package-info.java does not name").isEmpty();
  }

  @Test
  void noPublicSignatureExposesAPackagePrivateType() throws IOException, URISyntaxException {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : topLevelTypes()) {
      if (visible(type)) {
        collectLeaks(type, leaks);
      }
    }
    assertThat(leaks).as("public members whose signature names a type consumers cannot see").isEmpty();
  }

  private static void collectLeaks(Class<?> type, List<String> leaks) {
    List<Type> supertypes = new ArrayList<>(List.of(type.getGenericInterfaces()));
    if (type.getGenericSuperclass() != null) {
      supertypes.add(type.getGenericSuperclass());
    }
    for (Type supertype : supertypes) {
      report(type.getSimpleName() + " extends", supertype, leaks);
    }
    List<Member> members = new ArrayList<>();
    members.addAll(List.of(type.getDeclaredConstructors()));
    members.addAll(List.of(type.getDeclaredMethods()));
    members.addAll(List.of(type.getDeclaredFields()));
    for (Member member : members) {
      boolean exported = Modifier.isPublic(member.getModifiers())
          || (Modifier.isProtected(member.getModifiers()) && !Modifier.isFinal(type.getModifiers()));
      if (!exported || member.isSynthetic() || (member instanceof Method m && m.isBridge())) {
        continue;
      }
      String where = type.getName().substring(ROOT.length()) + "." + member.getName();
      if (member instanceof Executable executable) {
        for (Type parameter : executable.getGenericParameterTypes()) {
          report(where, parameter, leaks);
        }
        for (Type thrown : executable.getGenericExceptionTypes()) {
          report(where, thrown, leaks);
        }
        if (executable instanceof Method method) {
          report(where, method.getGenericReturnType(), leaks);
        }
      } else {
        report(where, ((Field) member).getGenericType(), leaks);
      }
    }
    for (Class<?> nested : type.getDeclaredClasses()) {
      if (visible(nested)) {
        collectLeaks(nested, leaks);
      }
    }
  }

  private static void report(String where, Type type, List<String> leaks) {
    Set<Class<?>> named = new java.util.LinkedHashSet<>();
    namedIn(type, named, new java.util.HashSet<>());
    for (Class<?> each : named) {
      if (each.getName().startsWith(ROOT) && !visible(each)) {
        leaks.add(where + " -> " + each.getName().substring(ROOT.length()));
      }
    }
  }

  private static void namedIn(Type type, Set<Class<?>> named, Set<Type> seen) {
    if (!seen.add(type)) {
      return;
    }
    if (type instanceof Class<?> c) {
      named.add(c.isArray() ? c.getComponentType() : c);
    } else if (type instanceof ParameterizedType p) {
      namedIn(p.getRawType(), named, seen);
      for (Type argument : p.getActualTypeArguments()) {
        namedIn(argument, named, seen);
      }
    } else if (type instanceof GenericArrayType a) {
      namedIn(a.getGenericComponentType(), named, seen);
    } else if (type instanceof WildcardType w) {
      Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds()))
          .forEach(bound -> namedIn(bound, named, seen));
    } else if (type instanceof TypeVariable<?> v) {
      for (Type bound : v.getBounds()) {
        namedIn(bound, named, seen);
      }
    }
  }

  /** A type a consumer can name: it and every type enclosing it are public. */
  private static boolean visible(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static List<Class<?>> topLevelTypes() throws IOException, URISyntaxException {
    Path classes = Path.of(Fixture.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace('/', '.');
        name = name.substring(0, name.length() - ".class".length());
        if (!name.contains("$") && !name.endsWith("package-info")) {
          types.add(load(name));
        }
      }
    }
    return types;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, PublicApiTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
