//! A document that flows over as many pages as it needs: pieces measured before they are drawn,
//! each drawn whole on one page. A heading never ends a page (it moves on with what follows), a
//! table row never splits, a table continued on a new page gets its header again, and space
//! between sections is dropped at the top of a page. So no page is left half empty unless it is
//! the last one.

use std::rc::Rc;

use super::canvas::Canvas;

/// Draws a piece with its top at the given y.
pub type Draw<'a> = Box<dyn Fn(&mut Canvas<'_>, f32) + 'a>;

pub struct Piece<'a> {
    pub height: f32,
    /// A heading: placed only where the piece after it fits too.
    pub keep_with_next: bool,
    /// Blank space: dropped at the top of a page.
    pub spacer: bool,
    /// A table's header, drawn again above this row when the row starts a page.
    pub header: Option<Rc<Piece<'a>>>,
    pub draw: Draw<'a>,
}

impl<'a> Piece<'a> {
    pub fn new(height: f32, draw: impl Fn(&mut Canvas<'_>, f32) + 'a) -> Piece<'a> {
        Piece { height, keep_with_next: false, spacer: false, header: None, draw: Box::new(draw) }
    }

    /// A heading: kept on the page of what follows it.
    pub fn heading(height: f32, draw: impl Fn(&mut Canvas<'_>, f32) + 'a) -> Piece<'a> {
        Piece { keep_with_next: true, ..Piece::new(height, draw) }
    }

    pub fn space(height: f32) -> Piece<'a> {
        Piece { spacer: true, ..Piece::new(height, |_, _| {}) }
    }

    /// A table row that repeats `header` when it starts a page.
    pub fn row(height: f32, header: &Rc<Piece<'a>>, draw: impl Fn(&mut Canvas<'_>, f32) + 'a) -> Piece<'a> {
        Piece { header: Some(Rc::clone(header)), ..Piece::new(height, draw) }
    }
}

/// Where a piece goes: its page (0 = the first), its top, and whether its table's header is
/// drawn again above it (at `top - header height`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub page: usize,
    pub index: usize,
    pub top: f32,
    pub repeat_header: bool,
}

/// Places `pieces` in order: on the first page from `first_top` (None: the first page is
/// full, start on the second), on later pages from `top`, all above `bottom`. A piece taller
/// than a whole page is placed at the top of one (the builders cap their pieces, so none is).
pub fn paginate(pieces: &[Piece<'_>], first_top: Option<f32>, top: f32, bottom: f32) -> Vec<Placed> {
    let mut placed = Vec::new();
    let (mut page, mut y) = match first_top {
        Some(y) => (0usize, y),
        None => (1, top),
    };
    let first_top = first_top.unwrap_or(top);
    let at_top = |page: usize, y: f32| y <= if page == 0 { first_top } else { top } + 0.01;
    let mut i = 0;
    while i < pieces.len() {
        let piece = &pieces[i];
        if piece.spacer {
            if !at_top(page, y) {
                y += piece.height;
            }
            i += 1;
            continue;
        }
        // A heading needs room for itself and what follows it (headings chain).
        // The space between a heading and a sub-heading under it counts too.
        let mut need = piece.height;
        let mut j = i;
        while (pieces[j].keep_with_next || (j > i && pieces[j].spacer)) && j + 1 < pieces.len() {
            j += 1;
            need += pieces[j].height;
        }
        if y + need > bottom && !at_top(page, y) {
            page += 1;
            y = top;
        }
        let repeat_header = match &piece.header {
            Some(header) if at_top(page, y) && page > 0 => {
                y += header.height;
                true
            }
            _ => false,
        };
        placed.push(Placed { page, index: i, top: y, repeat_header });
        y += piece.height;
        i += 1;
    }
    placed
}

/// How many pages `placed` fills (at least the first).
pub fn page_count(placed: &[Placed]) -> usize {
    placed.iter().map(|p| p.page + 1).max().unwrap_or(1)
}

/// Draws the pieces placed on page `page`.
pub fn draw_page(c: &mut Canvas<'_>, pieces: &[Piece<'_>], placed: &[Placed], page: usize) {
    for p in placed.iter().filter(|p| p.page == page) {
        let piece = &pieces[p.index];
        if let (true, Some(header)) = (p.repeat_header, &piece.header) {
            (header.draw)(c, p.top - header.height);
        }
        (piece.draw)(c, p.top);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(h: f32) -> Piece<'static> {
        Piece::new(h, |_, _| {})
    }

    #[test]
    fn pieces_fill_a_page_before_the_next_and_space_is_dropped_at_the_top() {
        let pieces = vec![block(40.0), block(40.0), Piece::space(20.0), block(40.0)];
        let placed = paginate(&pieces, Some(0.0), 10.0, 100.0);
        let at: Vec<(usize, f32)> = placed.iter().map(|p| (p.page, p.top)).collect();
        assert_eq!(at, [(0, 0.0), (0, 40.0), (1, 10.0)], "the space before the third block is not drawn at the top of page 2");
        assert_eq!(page_count(&placed), 2);
    }

    #[test]
    fn a_heading_never_ends_a_page() {
        let pieces = vec![block(60.0), Piece::heading(20.0, |_, _| {}), block(30.0)];
        let placed = paginate(&pieces, Some(0.0), 0.0, 100.0);
        assert_eq!((placed[1].page, placed[2].page), (1, 1), "the heading moves on with its first row");
    }

    #[test]
    fn a_continued_table_repeats_its_header_but_the_first_row_does_not_twice() {
        let header = Rc::new(Piece::heading(12.0, |_, _| {}));
        let mut pieces = vec![Piece { keep_with_next: true, ..block(12.0) }];
        pieces.extend((0..10).map(|_| Piece::row(15.0, &header, |_, _| {})));
        let placed = paginate(&pieces, Some(0.0), 0.0, 100.0);
        let repeated: Vec<usize> = placed.iter().filter(|p| p.repeat_header).map(|p| p.index).collect();
        assert_eq!(repeated.len(), 1, "one continuation: {placed:?}");
        let first_on_2 = placed.iter().find(|p| p.page == 1).unwrap();
        assert!(first_on_2.repeat_header && first_on_2.top == 12.0);
        assert!(!placed[1].repeat_header, "the first row sits under the header already");
    }

    #[test]
    fn a_heading_stays_with_a_sub_heading_and_its_first_line_across_the_space_between() {
        let pieces = vec![block(50.0), Piece::heading(20.0, |_, _| {}), Piece::space(8.0), Piece::heading(10.0, |_, _| {}), block(15.0)];
        let placed = paginate(&pieces, Some(0.0), 0.0, 100.0);
        let pages: Vec<usize> = placed.iter().map(|p| p.page).collect();
        assert_eq!(pages, [0, 1, 1, 1], "the section heading moves on with its sub-heading and first line: {placed:?}");
    }

    #[test]
    fn a_full_first_page_sends_everything_to_the_second() {
        let placed = paginate(&[block(10.0)], None, 5.0, 100.0);
        assert_eq!((placed[0].page, placed[0].top), (1, 5.0));
        assert_eq!(page_count(&placed), 2);
    }
}
