package org.kizuna.picture.internal.cot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CoT text read back: references become characters, what is no reference stays as written, and writing then reading gives the text back. */
class XmlTextTests {

    @Test
    void entitiesAndCharacterReferencesBecomeTheirCharacters() {
        assertThat(XmlText.unescape("a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;")).isEqualTo("a <b> & \"c\" 'd'");
        assertThat(XmlText.unescape("&#38;&#x26;&#x65E5;&#26412;")).isEqualTo("&&日本");
        assertThat(XmlText.unescape("plain")).isSameAs("plain");
    }

    @Test
    void whatIsNoReferenceStaysAsWritten() {
        assertThat(XmlText.unescape("&bogus; &#xZZ; &#1114112; & alone")).isEqualTo("&bogus; &#xZZ; &#1114112; & alone");
    }

    @Test
    void writingThenReadingGivesTheTextBack() {
        String text = "<remarks a=\"1\">Fish & chips\ttab\nline 'quote' 日本語</remarks>";
        StringBuilder written = new StringBuilder();
        XmlText.escape(written, text);
        assertThat(written.toString()).doesNotContain("<").doesNotContain("\"").doesNotContain("\n");
        assertThat(XmlText.unescape(written.toString())).isEqualTo(text);
    }
}
