//! The invariants of an extraction that hold whatever the text, shared by the property
//! tests (`robustness.rs`) and the randomised tests (`fuzz.rs`).

use newsgraph::{Extraction, Span};

/// Checks that a span lies inside `text` on char boundaries.
pub fn check_span(text: &str, span: Span, what: &str) -> Result<(), String> {
    if span.start > span.end || span.end > text.len() {
        return Err(format!(
            "{what} {}..{} is not inside the text of {} bytes",
            span.start,
            span.end,
            text.len()
        ));
    }
    if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        return Err(format!(
            "{what} {}..{} is not on char boundaries",
            span.start, span.end
        ));
    }
    Ok(())
}

/// Every invariant of an extraction that holds whatever the text: spans inside the text
/// on char boundaries, sentences in order, indexes in range, relation endpoints among
/// the entities, entities sorted and unique.
pub fn check_extraction(text: &str, x: &Extraction) -> Result<(), String> {
    if x.sentences.len() != x.sentence_texts.len() {
        return Err(format!(
            "{} sentence spans but {} sentence texts",
            x.sentences.len(),
            x.sentence_texts.len()
        ));
    }
    let mut previous_end = 0;
    for (i, (span, sentence)) in x.sentences.iter().zip(&x.sentence_texts).enumerate() {
        check_span(text, *span, &format!("sentence {i}"))?;
        if span.start < previous_end {
            return Err(format!(
                "sentence {i} {span:?} overlaps or precedes the one before"
            ));
        }
        previous_end = span.end;
        if span.slice(text) != sentence {
            return Err(format!(
                "sentence text {i} is not the text of its span {span:?}"
            ));
        }
    }
    let n = x.sentences.len();
    for (i, m) in x.mentions.iter().enumerate() {
        check_span(text, m.span, &format!("mention {i} ({})", m.entity))?;
        if m.sentence >= n {
            return Err(format!("mention {i} is in sentence {} of {n}", m.sentence));
        }
        if x.entity(&m.entity).is_none() {
            return Err(format!(
                "mention {i} names {}, which is not among the entities",
                m.entity
            ));
        }
    }
    for (i, a) in x.assertions.iter().enumerate() {
        let what = format!("assertion {i} ({} {} {})", a.source, a.kind, a.target);
        check_span(text, a.sentence_span, &format!("{what}: sentence span"))?;
        check_span(text, a.source_span, &format!("{what}: source span"))?;
        check_span(text, a.trigger_span, &format!("{what}: trigger span"))?;
        check_span(text, a.target_span, &format!("{what}: target span"))?;
        if a.sentence >= n {
            return Err(format!("{what} is in sentence {} of {n}", a.sentence));
        }
        if a.sentence_span != x.sentences[a.sentence] {
            return Err(format!(
                "{what}: sentence span {:?} is not the span of sentence {}",
                a.sentence_span, a.sentence
            ));
        }
        if a.trigger_span.start < a.sentence_span.start || a.trigger_span.end > a.sentence_span.end
        {
            return Err(format!(
                "{what}: trigger span {:?} is outside its sentence {:?}",
                a.trigger_span, a.sentence_span
            ));
        }
        for (end, id) in [("source", &a.source), ("target", &a.target)] {
            if x.entity(id).is_none() {
                return Err(format!("{what}: the {end} is not among the entities"));
            }
        }
        if !(0.0..=1.0).contains(&a.confidence) {
            return Err(format!("{what}: confidence {} is not in 0–1", a.confidence));
        }
    }
    if !x.entities.windows(2).all(|w| w[0].id < w[1].id) {
        return Err("entities are not sorted by id, one each".to_string());
    }
    Ok(())
}
