package org.kizuna.label.internal;

import java.util.List;

import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.ReadPath;
import org.kizuna.label.ReleaseGuard;
import org.kizuna.node.NodeSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The node's read path, and labels in JSON as their banner ({@code SECRET//REL TO USA, JPN}), both ways: the event
 * publication registry reads back the events it holds (those whose listeners have not completed) to hand them again.
 */
@Configuration(proxyBeanMethods = false)
class ReadPathConfiguration {

    @Bean
    ReadPath readPath(LabelKernel kernel, NodeSettings node, List<ReadPath.ReadDecisionListener> listeners) {
        return new ReadPath(kernel, node.nation(), listeners);
    }

    @Bean
    ReleaseGuard releaseGuard(LabelKernel kernel, List<ReleaseGuard.ReleaseListener> listeners) {
        return new ReleaseGuard(kernel, listeners);
    }

    @Bean
    SimpleModule labelJson() {
        SimpleModule module = new SimpleModule("kizuna-labels");
        module.addSerializer(Label.class, new ValueSerializer<Label>() {
            @Override
            public void serialize(Label value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(value.banner());
            }
        });
        module.addDeserializer(Label.class, new ValueDeserializer<Label>() {
            @Override
            public Label deserialize(JsonParser p, DeserializationContext ctxt) {
                return Label.parse(p.getValueAsString());
            }
        });
        return module;
    }
}
