package dev.mrfi.core.architecture;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a core class outside {@code dev.mrfi.core.config} that reads or writes a JSON file format of its
 * own (a journal, a fault manifest) with Jackson's tree types. The architecture rule that keeps Jackson's
 * document tree inside configuration loading exempts exactly the classes carrying it; the reason says
 * why the file is not configuration.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface OwnJsonFileFormat {

    /**
     * Says which file the class reads or writes and why it is not configuration.
     *
     * @return the reason, one sentence
     */
    String value();
}
