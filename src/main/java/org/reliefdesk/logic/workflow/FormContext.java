package org.reliefdesk.logic.workflow;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a form's conditions read: the values being filled, over what the ticket already knows.
 * Written values go on top; the ticket's facts are read through, not copied: a county's first
 * pull replays some 250,000 forms and their rows, each of which copied every fact of its ticket.
 */
final class FormContext extends AbstractMap<String, Object> {

    private final Map<String, Object> top = new HashMap<>();
    private final Map<String, Object> under;

    /** @param under read, never written; it must not change while this context is in use */
    FormContext(Map<String, Object> under) {
        this.under = under;
    }

    @Override
    public Object get(Object key) {
        Object v = top.get(key);
        return v != null || top.containsKey(key) ? v : under.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return top.containsKey(key) || under.containsKey(key);
    }

    @Override
    public Object put(String key, Object value) {
        Object before = get(key);
        top.put(key, value);
        return before;
    }

    /** Both layers as one map, the top one winning (made when asked; conditions only look up). */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new HashMap<>(under);
        all.putAll(top);
        return Collections.unmodifiableMap(all).entrySet();
    }
}
