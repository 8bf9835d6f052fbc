package org.kizuna.intel;

/** An attachment's name, media type and bytes. */
public record AttachmentContent(String name, String mediaType, byte[] bytes) {

    public AttachmentContent {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
