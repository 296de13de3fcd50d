package io.huddle.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option of a command from the environment or a configuration file, by its long name: {@code --port}
 * is {@code HUDDLE_PORT} in the environment and {@code port=} in the file that {@code --config} (or
 * {@code HUDDLE_CONFIG}) names, a Java properties file. A flag on the command line wins over the environment,
 * which wins over the file, which wins over the built-in default. picocli asks for these only for options the
 * command line did not give, after it has read the command line, so {@code --config} is known by then. A key
 * in the file that is no option of the command is refused: a misspelt setting is not silently ignored.
 */
public final class OptionDefaults implements CommandLine.IDefaultValueProvider {
    static final String PREFIX = "HUDDLE_";
    static final String CONFIG = "--config";

    private final Map<String, String> env;
    private final Map<Path, Properties> files = new HashMap<>();

    /** From this process's environment (picocli makes it from the command's annotation). */
    public OptionDefaults() {
        this(System.getenv());
    }

    public OptionDefaults(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The environment variable of an option: HUDDLE_ and its long name in capitals, '-' as '_'. */
    static String variable(OptionSpec option) {
        return PREFIX + option.longestName().substring(2).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || !option.longestName().startsWith("--")
                || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        String fromEnv = env.get(variable(option));
        if (fromEnv != null || option.longestName().equals(CONFIG)) {
            return fromEnv;
        }
        Path file = configFile(option.command());
        return file == null ? null : read(option.command(), file).getProperty(option.longestName().substring(2));
    }

    /** The --config given on the command line, else HUDDLE_CONFIG; null when neither or no such option. */
    private Path configFile(CommandSpec command) {
        OptionSpec config = command.findOption(CONFIG);
        if (config == null) {
            return null;
        }
        Object given = config.getValue();
        if (given != null) {
            return Path.of(given.toString());
        }
        String fromEnv = env.get(variable(config));
        return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
    }

    private Properties read(CommandSpec command, Path file) {
        return files.computeIfAbsent(file, f -> {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(command.commandLine(),
                        "the configuration file " + f + " cannot be read: " + e);
            }
            Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
            command.options().forEach(o -> unknown.remove(o.longestName().replaceFirst("^--", "")));
            unknown.remove(CONFIG.substring(2));
            if (!unknown.isEmpty()) {
                throw new CommandLine.ParameterException(command.commandLine(), "the configuration file " + f
                        + " names no option " + String.join(", ", unknown) + " of '" + command.name() + "'");
            }
            return p;
        });
    }
}
