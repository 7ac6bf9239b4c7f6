//! One index of every entity the dataset names: members, the other entities it declares,
//! and every organiser, Chair (of a handover item or a Chair record), co-chair, participant
//! and lead its records name. Each has its spellings, and every spelling folds to a key (see
//! [`entity_key`]), so a name given on the command line, in a record or in a link resolves
//! the same way everywhere.

use std::collections::HashMap;

use super::{Dataset, Member};
use crate::fold::entity_key;

/// One entity and the ways the dataset writes it.
#[derive(Debug)]
struct Known<'a> {
    /// The name records use for it: a member's or declared entity's acronym, else the name
    /// as the data first writes it.
    pub name: &'a str,
    /// The member it is, if it is one.
    pub member: Option<&'a Member>,
    /// Every spelling of it in the dataset: acronym, full name, aliases, and each spelling
    /// a record uses.
    pub spellings: Vec<&'a str>,
}

/// Every entity the dataset names, found by any spelling.
#[derive(Debug, Default)]
pub struct Entities<'a> {
    known: Vec<Known<'a>>,
    keys: HashMap<String, usize>,
    /// Spellings that fold to the key of another declared entity: `(spelling, its entity,
    /// the other entity)`.
    clashes: Vec<(&'a str, &'a str, &'a str)>,
}

impl<'a> Entities<'a> {
    pub fn new(data: &'a Dataset) -> Entities<'a> {
        let mut index = Entities::default();
        let members = data
            .members
            .iter()
            .map(|m| (&m.acronym, &m.name, &m.aliases, Some(m)));
        let others = (data.entities.iter()).map(|e| (&e.acronym, &e.name, &e.aliases, None));
        let declared: Vec<_> = members.chain(others).collect();
        // Every acronym and name first, so that an alias that clashes is the one reported.
        for &(acronym, name, _, member) in &declared {
            index.known.push(Known {
                name: acronym,
                member,
                spellings: Vec::new(),
            });
            let at = index.known.len() - 1;
            index.spell(at, acronym);
            index.spell(at, name);
        }
        for (at, (_, _, aliases, _)) in declared.iter().enumerate() {
            for alias in aliases.iter() {
                index.spell(at, alias);
            }
        }
        let named = (data.events.iter().flat_map(|e| e.organizers.iter()))
            .chain(data.handover.iter().flat_map(|h| h.chairs.iter()))
            .chain(data.chairs.iter().flat_map(|c| c.entities.iter()))
            .chain(data.groups.iter().flat_map(|g| g.chairs.iter()))
            .chain(data.groups.iter().flat_map(|g| g.participants.iter()))
            .chain(data.deliverables.iter().flat_map(|d| d.lead.iter()));
        for name in named {
            index.mention(name);
        }
        index
    }

    /// `spelling` as a name of the declared entity `at`, unless it is already another's.
    fn spell(&mut self, at: usize, spelling: &'a str) {
        let key = entity_key(spelling);
        match self.keys.get(&key) {
            Some(&other) if other != at => {
                let clash = (spelling, self.known[at].name, self.known[other].name);
                self.clashes.push(clash);
                return;
            }
            Some(_) => {}
            None => {
                self.keys.insert(key, at);
            }
        }
        self.known[at].spellings.push(spelling);
    }

    /// A name a record uses: a spelling of the entity it folds to, or a new entity.
    fn mention(&mut self, name: &'a str) {
        let key = entity_key(name);
        let at = *self.keys.entry(key).or_insert_with(|| {
            self.known.push(Known {
                name,
                member: None,
                spellings: Vec::new(),
            });
            self.known.len() - 1
        });
        let spellings = &mut self.known[at].spellings;
        if !spellings.contains(&name) {
            spellings.push(name);
        }
    }

    /// The entity `name` names, by any spelling.
    fn resolve(&self, name: &str) -> Option<&Known<'a>> {
        self.keys.get(&entity_key(name)).map(|&i| &self.known[i])
    }

    /// The member `name` names, by any spelling.
    pub fn member(&self, name: &str) -> Option<&'a Member> {
        self.resolve(name).and_then(|k| k.member)
    }

    /// The folded keys of every spelling of the entity `name` names, for matching records
    /// against it; `None` when it names no entity.
    pub fn keys_of(&self, name: &str) -> Option<Vec<String>> {
        let at = *self.keys.get(&entity_key(name))?;
        Some(
            self.keys
                .iter()
                .filter(|(_, &i)| i == at)
                .map(|(k, _)| k.clone())
                .collect(),
        )
    }

    /// Every spelling of every entity, for suggestions.
    pub fn spellings(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.known.iter().flat_map(|k| k.spellings.iter().copied())
    }

    /// Spellings that would make two declared entities one: `(spelling, its entity, the
    /// entity whose key it already is)`. A dataset with any is refused by its checks.
    pub fn clashes(&self) -> &[(&'a str, &'a str, &'a str)] {
        &self.clashes
    }
}
