//! Dates of quotes (the sentence's own time expression, else the narrative
//! date of the paragraph or the one before) and the timeline of dated events.

use super::dates::DocumentDates;
use crate::brief::{Quote, TimelineEntry};

/// Gives each quote the date in reach of it, or leaves it `None`.
pub fn date_quotes(_quotes: &mut [Quote], _paragraphs: &[String], _dates: &DocumentDates) {}

/// The article's dated events in date order, each with its sentence.
pub fn build(_paragraphs: &[String], _dates: &DocumentDates) -> Vec<TimelineEntry> {
    Vec::new()
}
