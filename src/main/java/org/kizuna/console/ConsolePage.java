package org.kizuna.console;

/**
 * A page a module contributes to the console navigation. Declare one as a bean; the console lists
 * the pages in {@code order}, so entries appear as modules arrive.
 *
 * @param path  the page's URL path, such as {@code /registry/}
 * @param title the navigation label users see
 * @param order position in the navigation, lower first
 */
public record ConsolePage(String path, String title, int order) {

    public ConsolePage {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a console page path starts with '/': " + path);
        }
        if (title.isBlank()) {
            throw new IllegalArgumentException("a console page needs a title");
        }
    }
}
