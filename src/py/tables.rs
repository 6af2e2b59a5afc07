//! `analyze_columns` / `analyze_arrow` / `ArrowTables`: the six tables of many articles as
//! columns.
//!
//! The articles are analysed in parallel here and their rows go, once, into columns of either
//! form of [`super::columns`] ([`super::tables_columns`] holds the columns): Python lists
//! (`analyze_columns`) or Arrow-layout buffers (`analyze_arrow`, `ArrowTables`).

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use super::batch::articles_batch;
use super::columns::{ArrowCells, Columns, PyCells};
use super::errors::internal;
use super::input::{exact_strs, Text};
use super::tables_columns::{Tables, ATTRIBUTION_KINDS, QUOTE_KINDS};
use super::threads::check_threads;
use crate::tables;

/// Whether the str has lone surrogates (which the Rust text holds as U+FFFD, and UTF-8 buffers
/// cannot hold at all). Only a text with U+FFFD is asked; Python's encoder decides.
fn has_lone_surrogates(t: &Text<'_>) -> bool {
    t.s.contains('\u{FFFD}') && t.obj.to_cow().is_err()
}

/// Fill `tables` from `texts` (see `analyze_columns`); false, early, once an article has lone
/// surrogates and `exact_utf8` asks for text that UTF-8 can hold. The `doc` of `texts[i]` is
/// `positions[i]` (or `i` without positions).
fn fill<C: Columns>(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    positions: Option<&[usize]>,
    n_threads: Option<&Bound<'_, PyAny>>,
    func: &str,
    exact_utf8: bool,
    tables: &mut Tables<C>,
) -> PyResult<bool> {
    let n_threads = check_threads(n_threads)?;
    let articles = exact_strs(texts, func, "texts")?;
    if let Some(p) = positions.filter(|p| p.len() != articles.len()) {
        return Err(PyValueError::new_err(format!(
            "{func}: {} positions for {} texts",
            p.len(),
            articles.len()
        )));
    }
    let lossy = AtomicBool::new(false);
    let nested = tables.nested;
    articles_batch(
        py,
        &articles,
        n_threads,
        |cps| {
            let s = cps.into_utf8();
            // Once the answer is "cannot", the remaining articles are not analysed.
            let d = if lossy.load(Ordering::Relaxed) {
                tables::DocTables::default()
            } else {
                tables::analyze_doc_with(&s, nested)
            };
            (s, d)
        },
        |i, obj, (s, d)| {
            let text = Text {
                s,
                obj: obj.clone(),
            };
            if exact_utf8 && (lossy.load(Ordering::Relaxed) || has_lone_surrogates(&text)) {
                lossy.store(true, Ordering::Relaxed);
                return Ok(());
            }
            let doc = positions.map_or(Some(i), |p| p.get(i).copied());
            tables.add(doc.ok_or_else(|| internal("position"))?, &text, &d)
        },
    )?;
    Ok(!lossy.load(Ordering::Relaxed))
}

/// Analyse many articles in parallel and return the six tables as columns.
///
/// One dict per table (`documents`, `sentences`, `quotes`, `speakers`, `mentions`,
/// `attributions`), each mapping a column name to a list; `doc` is the position in `texts`.
/// Offsets are code points. `nested`: attributions nested in others' contents are rows too.
#[pyfunction]
#[pyo3(signature = (texts, n_threads=None, nested=false))]
fn analyze_columns<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    n_threads: Option<&Bound<'py, PyAny>>,
    nested: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let mut tables = Tables::<PyCells>::new(nested);
    fill(
        py,
        texts,
        None,
        n_threads,
        "analyze_columns",
        false,
        &mut tables,
    )?;
    tables.into_dict(py, false)
}

/// `analyze_columns` with Arrow-layout buffers instead of lists (see [`ArrowCells`]); None when
/// an article has lone surrogates, which UTF-8 buffers cannot hold exactly.
#[pyfunction]
#[pyo3(signature = (texts, n_threads=None, *, nested=false))]
fn analyze_arrow<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    n_threads: Option<&Bound<'py, PyAny>>,
    nested: bool,
) -> PyResult<Option<Bound<'py, PyDict>>> {
    let mut tables = Tables::<ArrowCells>::new(nested);
    if !fill(
        py,
        texts,
        None,
        n_threads,
        "analyze_arrow",
        true,
        &mut tables,
    )? {
        return Ok(None);
    }
    tables.into_dict(py, true).map(Some)
}

/// `analyze_arrow` over many calls: the columns of a whole run grow here, chunk by chunk
/// (`add`), and go to Python once (`finish`). Each column is then one buffer, grown in place,
/// that numpy or pyarrow takes as it is: no per-chunk buffers, no copy of a column.
#[pyclass(module = "presslens._core")]
struct ArrowTables {
    /// None once finished.
    tables: Option<Tables<ArrowCells>>,
    /// Whether the columns have room for the projected run (made after the first chunk).
    reserved: bool,
}

#[pymethods]
impl ArrowTables {
    /// `nested`: attributions nested in others' contents are rows too.
    #[new]
    #[pyo3(signature = (*, nested=false))]
    fn new(nested: bool) -> Self {
        ArrowTables {
            tables: Some(Tables::new(nested)),
            reserved: false,
        }
    }

    /// Add the rows of `texts`, whose `doc` numbers are `positions`; False (and the tables
    /// are to be dropped) when an article has lone surrogates. `done`: the share of the run's
    /// text added once this call is done (from 0 to 1); after the first call the columns get
    /// room for the rows the run is projected to have (a tenth more), in one allocation each.
    #[pyo3(signature = (texts, positions, n_threads=None, done=1.0))]
    fn add(
        &mut self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        positions: Vec<usize>,
        n_threads: Option<&Bound<'_, PyAny>>,
        done: f64,
    ) -> PyResult<bool> {
        let tables = self.tables.as_mut().ok_or_else(finished)?;
        let func = "ArrowTables.add";
        let ok = fill(py, texts, Some(&positions), n_threads, func, true, tables)?;
        if ok && !self.reserved && done > 0.0 && done < 1.0 {
            tables.reserve_for(1.1 / done);
            self.reserved = true;
        }
        Ok(ok)
    }

    /// The distinct names of the speakers table, in order of first appearance.
    fn speaker_names(&self) -> PyResult<Vec<&str>> {
        let tables = self.tables.as_ref().ok_or_else(finished)?;
        Ok(distinct(&tables.speakers.speaker))
    }

    /// `(docs, names)` of the speakers-table rows whose name is one of `names`, in row order.
    fn speakers_named(&self, names: Vec<String>) -> PyResult<(Vec<usize>, Vec<&str>)> {
        let sp = &self.tables.as_ref().ok_or_else(finished)?.speakers;
        let names: rustc_hash::FxHashSet<&str> = names.iter().map(String::as_str).collect();
        let rows = (0..sp.speaker.len())
            .filter_map(|i| Some((*sp.doc.get(i)?, sp.speaker.get(i)?)))
            .filter(|(_, s)| names.contains(s));
        Ok(rows.unzip())
    }

    /// Rename speakers in the quotes, attributions, speakers and mentions tables:
    /// `rename[(doc, name)]` is the new name of `name` in document `doc`.
    fn rename_speakers(&mut self, rename: HashMap<(usize, String), String>) -> PyResult<()> {
        let tables = self.tables.as_mut().ok_or_else(finished)?;
        let rename: rustc_hash::FxHashMap<(usize, &str), &str> = (rename.iter())
            .map(|((d, s), v)| ((*d, s.as_str()), v.as_str()))
            .collect();
        for (docs, col) in tables.speaker_columns() {
            let rows: Vec<(usize, &str)> = (0..col.len())
                .filter_map(|i| {
                    let new = rename.get(&(*docs.get(i)?, col.get(i)?))?;
                    Some((i, *new))
                })
                .collect();
            col.replace_rows(&rows);
        }
        Ok(())
    }

    /// The columns, as `analyze_arrow` gives them; the tables are handed over (a second call
    /// raises).
    fn finish<'py>(&mut self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.tables.take().ok_or_else(finished)?.into_dict(py, true)
    }
}

/// The distinct values of `col`, in order of first appearance.
fn distinct(col: &ArrowCells) -> Vec<&str> {
    let mut seen = rustc_hash::FxHashSet::default();
    (0..col.len())
        .filter_map(|i| col.get(i))
        .filter(|s| seen.insert(*s))
        .collect()
}

fn finished() -> PyErr {
    PyValueError::new_err("ArrowTables.finish() was called already")
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze_columns, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_arrow, m)?)?;
    m.add_class::<ArrowTables>()?;
    // The `kind` categories, in code order (Python makes the columns' CategoricalDtype).
    m.add("QUOTE_KINDS", PyTuple::new(m.py(), QUOTE_KINDS)?)?;
    m.add(
        "ATTRIBUTION_KINDS",
        PyTuple::new(m.py(), ATTRIBUTION_KINDS)?,
    )?;
    Ok(())
}
