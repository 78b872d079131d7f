package org.isotox.server;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.IModelVisitor2;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** The first element of a resource (contained ones included) with a problem, and its FHIRPath. */
final class ElementSearch {

    record Found(String path, String problem) {}

    private ElementSearch() {}

    static Optional<Found> first(FhirContext fhirContext, IBaseResource resource, Function<IBase, Optional<String>> problemOf) {
        Visitor visitor = new Visitor(fhirContext, problemOf);
        fhirContext.newTerser().visit(resource, visitor);
        return Optional.ofNullable(visitor.found);
    }

    private static final class Visitor implements IModelVisitor2 {
        private final FhirContext fhirContext;
        private final Function<IBase, Optional<String>> problemOf;
        private Found found;

        Visitor(FhirContext fhirContext, Function<IBase, Optional<String>> problemOf) {
            this.fhirContext = fhirContext;
            this.problemOf = problemOf;
        }

        @Override
        public boolean acceptElement(
                IBase element,
                List<IBase> containingElements,
                List<BaseRuntimeChildDefinition> children,
                List<BaseRuntimeElementDefinition<?>> definitions) {
            if (found == null) {
                problemOf.apply(element).ifPresent(problem -> found = new Found(pathOf(containingElements, children), problem));
            }
            return found == null;
        }

        /** E.g. {@code Patient.name[0].family}. */
        private String pathOf(List<IBase> elements, List<BaseRuntimeChildDefinition> children) {
            StringBuilder path = new StringBuilder(fhirContext.getResourceType((IBaseResource) elements.get(0)));
            for (int i = 0; i < children.size(); i++) {
                BaseRuntimeChildDefinition child = children.get(i);
                IBase value = elements.get(i + 1);
                // a choice is named by its type: valueString
                String typed = child.getChildNameByDatatype(value.getClass());
                path.append('.').append(typed != null ? typed : child.getElementName());
                if (child.getMax() != 1) {
                    path.append('[').append(indexOf(child.getAccessor().getValues(elements.get(i)), value)).append(']');
                }
            }
            return path.toString();
        }

        private static int indexOf(List<IBase> values, IBase value) {
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) == value) {
                    return i;
                }
            }
            return 0;
        }
    }
}
