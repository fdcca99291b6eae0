package dev.mrfi.selector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.selector.SelectorProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SelectorCatalogueTest {

    @Test
    void everySelectorOfTheReferenceIsRegisteredUnderItsName() {
        assertThat(ServiceLoader.load(SelectorProvider.class).stream().map(p -> p.get().name()))
                .containsExactlyInAnyOrder("EmptySelector", "FixPosition", "FixPositions", "RandomPositionByNumber",
                        "RandomPositionByRate", "MaskedDimRandomPositionByNumber", "SelectedDimRandomPositionByNumber",
                        "MaskedDimRandomPositionByRate", "SelectedDimRandomPositionByRate", "FixedPixelByNumber");
    }

    @Test
    void everyRandomSelectorOffersDistinctAndEveryOtherNone() {
        for (SelectorProvider provider : ServiceLoader.load(SelectorProvider.class)) {
            String name = provider.name();
            boolean random = !name.equals("EmptySelector") && !name.equals("FixPosition")
                    && !name.equals("FixPositions");
            assertThat(provider.parameters().find("distinct").isPresent()).as(name).isEqualTo(random);
        }
    }
}
