//! The checked dataset written as Rust: each value as the const expression that builds it.

use crate::model;

/// A value written as the Rust expression that builds it, in a const context.
pub trait Bake {
    fn bake(&self, out: &mut String);
}

/// `[a, b, …]`.
pub fn slice<T: Bake>(items: &[T], out: &mut String) {
    out.push('[');
    for item in items {
        item.bake(out);
        out.push_str(",\n");
    }
    out.push(']');
}

/// `Name { field: value, … }`.
fn record(out: &mut String, name: &str, fields: &[(&str, &dyn Bake)]) {
    out.push_str(name);
    out.push_str(" { ");
    for (field, value) in fields {
        out.push_str(field);
        out.push_str(": ");
        value.bake(out);
        out.push_str(", ");
    }
    out.push('}');
}

impl Bake for str {
    fn bake(&self, out: &mut String) {
        // Debug writes a string as a Rust literal, every escape included.
        out.push_str(&format!("Cow::Borrowed({self:?})"));
    }
}

impl Bake for model::Text {
    fn bake(&self, out: &mut String) {
        self.as_ref().bake(out);
    }
}

impl<T: Bake + Clone> Bake for model::List<T> {
    fn bake(&self, out: &mut String) {
        out.push_str("Cow::Borrowed(&");
        slice(self, out);
        out.push(')');
    }
}

impl<T: Bake> Bake for Option<T> {
    fn bake(&self, out: &mut String) {
        match self {
            Some(value) => {
                out.push_str("Some(");
                value.bake(out);
                out.push(')');
            }
            None => out.push_str("None"),
        }
    }
}

impl Bake for i32 {
    fn bake(&self, out: &mut String) {
        out.push_str(&self.to_string());
    }
}

impl Bake for chrono::NaiveDate {
    fn bake(&self, out: &mut String) {
        use chrono::Datelike;
        out.push_str(&format!(
            "date({}, {}, {})",
            self.year(),
            self.month(),
            self.day()
        ));
    }
}

impl Bake for model::Precision {
    fn bake(&self, out: &mut String) {
        out.push_str(&format!("Precision::{self:?}"));
    }
}

/// A value of a vocabulary: `Type::Variant`.
macro_rules! bake_variant {
    ($($ty:ident),*) => {$(
        impl Bake for model::$ty {
            fn bake(&self, out: &mut String) {
                out.push_str(&format!(concat!(stringify!($ty), "::{:?}"), self));
            }
        }
    )*};
}

bake_variant!(EventKind, GroupKind, DeliverableKind, Status);

impl Bake for model::DateSpan {
    fn bake(&self, out: &mut String) {
        let fields: [(&str, &dyn Bake); 3] = [
            ("start", &self.start),
            ("end", &self.end),
            ("precision", &self.precision),
        ];
        record(out, "DateSpan", &fields);
    }
}

impl Bake for model::Source {
    fn bake(&self, out: &mut String) {
        record(
            out,
            "Source",
            &[("section", &self.section), ("quote", &self.quote)],
        );
    }
}

impl Bake for model::Report {
    fn bake(&self, out: &mut String) {
        let fields: [(&str, &dyn Bake); 6] = [
            ("title", &self.title),
            ("chair", &self.chair),
            ("year", &self.year),
            ("start", &self.start),
            ("end", &self.end),
            ("source", &self.source),
        ];
        record(out, "Report", &fields);
    }
}

impl Bake for model::Event {
    fn bake(&self, out: &mut String) {
        let fields: [(&str, &dyn Bake); 11] = [
            ("id", &self.id),
            ("span", &self.span),
            ("title", &self.title),
            ("kind", &self.kind),
            ("location", &self.location),
            ("organizers", &self.organizers),
            ("group", &self.group),
            ("section", &self.section),
            ("quote", &self.quote),
            ("also", &self.also),
            ("note", &self.note),
        ];
        record(out, "Event", &fields);
    }
}

impl Bake for model::Statement {
    fn bake(&self, out: &mut String) {
        let fields: [(&str, &dyn Bake); 9] = [
            ("id", &self.id),
            ("span", &self.span),
            ("title", &self.title),
            ("event", &self.event),
            ("location", &self.location),
            ("section", &self.section),
            ("quote", &self.quote),
            ("also", &self.also),
            ("note", &self.note),
        ];
        record(out, "Statement", &fields);
    }
}

impl Bake for model::Member {
    fn bake(&self, out: &mut String) {
        let fields: [(&str, &dyn Bake); 8] = [
            ("acronym", &self.acronym),
            ("name", &self.name),
            ("aliases", &self.aliases),
            ("added", &self.added),
            ("section", &self.section),
            ("quote", &self.quote),
            ("also", &self.also),
            ("note", &self.note),
        ];
        record(out, "Member", &fields);
    }
}

impl Bake for model::Entity {
    fn bake(&self, out: &mut String) {
        let fields: [(&str, &dyn Bake); 6] = [
            ("acronym", &self.acronym),
            ("name", &self.name),
            ("aliases", &self.aliases),
            ("section", &self.section),
            ("quote", &self.quote),
            ("note", &self.note),
        ];
        record(out, "Entity", &fields);
    }
}

impl Bake for model::Handover {
    fn bake(&self, out: &mut String) {
        let fields: [(&str, &dyn Bake); 8] = [
            ("id", &self.id),
            ("chairs", &self.chairs),
            ("text", &self.text),
            ("groups", &self.groups),
            ("deliverables", &self.deliverables),
            ("section", &self.section),
            ("quote", &self.quote),
            ("note", &self.note),
        ];
        record(out, "Handover", &fields);
    }
}

impl Bake for model::Group {
    fn bake(&self, out: &mut String) {
        let fields: [(&str, &dyn Bake); 10] = [
            ("id", &self.id),
            ("name", &self.name),
            ("kind", &self.kind),
            ("area", &self.area),
            ("chairs", &self.chairs),
            ("participants", &self.participants),
            ("section", &self.section),
            ("quote", &self.quote),
            ("also", &self.also),
            ("note", &self.note),
        ];
        record(out, "Group", &fields);
    }
}

impl Bake for model::Deliverable {
    fn bake(&self, out: &mut String) {
        let fields: [(&str, &dyn Bake); 12] = [
            ("id", &self.id),
            ("title", &self.title),
            ("kind", &self.kind),
            ("group", &self.group),
            ("lead", &self.lead),
            ("status", &self.status),
            ("due", &self.due),
            ("url", &self.url),
            ("section", &self.section),
            ("quote", &self.quote),
            ("also", &self.also),
            ("note", &self.note),
        ];
        record(out, "Deliverable", &fields);
    }
}

impl Bake for model::Objective {
    fn bake(&self, out: &mut String) {
        let fields: [(&str, &dyn Bake); 8] = [
            ("id", &self.id),
            ("under", &self.under),
            ("title", &self.title),
            ("records", &self.records),
            ("section", &self.section),
            ("quote", &self.quote),
            ("also", &self.also),
            ("note", &self.note),
        ];
        record(out, "Objective", &fields);
    }
}

impl Bake for model::Accomplishment {
    fn bake(&self, out: &mut String) {
        let fields: [(&str, &dyn Bake); 7] = [
            ("id", &self.id),
            ("title", &self.title),
            ("records", &self.records),
            ("section", &self.section),
            ("quote", &self.quote),
            ("also", &self.also),
            ("note", &self.note),
        ];
        record(out, "Accomplishment", &fields);
    }
}

impl Bake for model::Proposal {
    fn bake(&self, out: &mut String) {
        let fields: [(&str, &dyn Bake); 10] = [
            ("id", &self.id),
            ("number", &self.number),
            ("title", &self.title),
            ("paragraphs", &self.paragraphs),
            ("text", &self.text),
            ("records", &self.records),
            ("section", &self.section),
            ("quote", &self.quote),
            ("also", &self.also),
            ("note", &self.note),
        ];
        record(out, "Proposal", &fields);
    }
}

impl Bake for model::Chair {
    fn bake(&self, out: &mut String) {
        let fields: [(&str, &dyn Bake); 10] = [
            ("id", &self.id),
            ("body", &self.body),
            ("role", &self.role),
            ("entities", &self.entities),
            ("span", &self.span),
            ("records", &self.records),
            ("section", &self.section),
            ("quote", &self.quote),
            ("also", &self.also),
            ("note", &self.note),
        ];
        record(out, "Chair", &fields);
    }
}
