//! The checker's view of a syntax tree: tree-sitter's tree copied into one
//! flat array, each node's children side by side.
//!
//! The checker asks a node for its children and fields many times over;
//! through tree-sitter each question walks a cursor over the node's
//! children again (a sixth of `escapade check`'s instructions went there).
//! One walk copies the tree instead, and it happens on the thread that
//! parsed it, so the two halves of a large file are copied in parallel.
//! A [`Node`] answers the same questions tree-sitter's does, by the same
//! rules: fields as tree-sitter assigns them, anonymous tokens among the
//! children, comments included.

/// One node's facts; a node's children are `children..children + count`.
#[derive(Clone, Copy)]
struct Entry {
    kind: u16,
    /// The field this node fills in its parent (0: none).
    field: u16,
    named: bool,
    start: u32,
    end: u32,
    parent: u32,
    children: u32,
    count: u32,
}

/// A tree-sitter tree as a flat array (see the module doc).
pub struct FlatTree {
    entries: Vec<Entry>,
    has_error: bool,
    /// The tree it copies, freed with it: freeing walks every node, which
    /// a process that exits right after checking need never do.
    _copied: tree_sitter::Tree,
}

/// No parent: the root's.
const NONE: u32 = u32::MAX;

impl FlatTree {
    /// Copies `tree`, children contiguous, in one cursor walk.
    pub fn new(tree: tree_sitter::Tree) -> FlatTree {
        let (entries, has_error) = copy(tree.root_node());
        FlatTree {
            entries,
            has_error,
            _copied: tree,
        }
    }

    /// Whether tree-sitter put an ERROR or MISSING node anywhere in it.
    pub fn has_error(&self) -> bool {
        self.has_error
    }

    pub fn root(&self) -> Node<'_> {
        Node { tree: self, id: 0 }
    }
}

/// The entries of the tree under `root`, and whether it holds an error.
fn copy(root: tree_sitter::Node<'_>) -> (Vec<Entry>, bool) {
    let mut entries = Vec::with_capacity(root.end_byte() / 2);
    entries.push(entry(root, 0, NONE));
    let mut todo = vec![(0u32, root)];
    let mut cursor = root.walk();
    while let Some((index, node)) = todo.pop() {
        cursor.reset(node);
        if !cursor.goto_first_child() {
            continue;
        }
        let first = entries.len() as u32;
        loop {
            let child = cursor.node();
            let field = cursor.field_id().map_or(0, |f| f.get());
            entries.push(entry(child, field, index));
            if child.child_count() > 0 {
                todo.push((entries.len() as u32 - 1, child));
            }
            if !cursor.goto_next_sibling() {
                break;
            }
        }
        let count = entries.len() as u32 - first;
        let parent = &mut entries[index as usize];
        parent.children = first;
        parent.count = count;
    }
    (entries, root.has_error())
}

fn entry(node: tree_sitter::Node<'_>, field: u16, parent: u32) -> Entry {
    Entry {
        kind: node.kind_id(),
        field,
        named: node.is_named(),
        start: node.start_byte() as u32,
        end: node.end_byte() as u32,
        parent,
        children: 0,
        count: 0,
    }
}

/// A node of a [`FlatTree`]: cheap to copy, compared by identity.
#[derive(Clone, Copy)]
pub struct Node<'t> {
    tree: &'t FlatTree,
    id: u32,
}

impl PartialEq for Node<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && std::ptr::eq(self.tree, other.tree)
    }
}

impl Eq for Node<'_> {}

impl std::fmt::Debug for Node<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}..{}",
            self.kind_str(),
            self.start_byte(),
            self.end_byte()
        )
    }
}

/// The grammar's id of the ERROR node.
const ERROR_KIND: u16 = u16::MAX;

impl<'t> Node<'t> {
    fn entry(&self) -> &'t Entry {
        &self.tree.entries[self.id as usize]
    }

    fn at(&self, id: u32) -> Node<'t> {
        Node {
            tree: self.tree,
            id,
        }
    }

    /// The grammar's symbol id of this node's kind.
    pub fn kind_id(&self) -> u16 {
        self.entry().kind
    }

    /// The kind's name, as tree-sitter's `Node::kind` gives it.
    pub fn kind_str(&self) -> &'static str {
        kind_name(self.entry().kind)
    }

    pub fn is_error(&self) -> bool {
        self.entry().kind == ERROR_KIND
    }

    pub fn is_named(&self) -> bool {
        self.entry().named
    }

    pub fn start_byte(&self) -> usize {
        self.entry().start as usize
    }

    pub fn end_byte(&self) -> usize {
        self.entry().end as usize
    }

    pub fn parent(&self) -> Option<Node<'t>> {
        let parent = self.entry().parent;
        (parent != NONE).then(|| self.at(parent))
    }

    /// Every child, anonymous tokens and comments included.
    pub fn children(&self) -> impl Iterator<Item = Node<'t>> + 't {
        let (tree, e) = (self.tree, self.entry());
        (e.children..e.children + e.count).map(move |id| Node { tree, id })
    }

    /// The named children (comments included, as in tree-sitter).
    pub fn named_children(&self) -> impl Iterator<Item = Node<'t>> + 't {
        self.children().filter(Node::is_named)
    }

    pub fn child(&self, i: usize) -> Option<Node<'t>> {
        let e = self.entry();
        (i < e.count as usize).then(|| self.at(e.children + i as u32))
    }

    /// The children that fill field `field`, in order; none for field 0
    /// (no field), as in tree-sitter.
    pub fn children_by_field_id(&self, field: u16) -> impl Iterator<Item = Node<'t>> + 't {
        self.children()
            .filter(move |c| field != 0 && c.entry().field == field)
    }

    /// The first child that fills field `field`.
    pub fn child_by_field_id(&self, field: u16) -> Option<Node<'t>> {
        self.children_by_field_id(field).next()
    }

    pub fn child_by_field_name(&self, name: &str) -> Option<Node<'t>> {
        self.child_by_field_id(field_id(name))
    }

    /// The sibling right before this node, named or not.
    pub fn prev_sibling(&self) -> Option<Node<'t>> {
        let parent = self.parent()?;
        (self.id > parent.entry().children).then(|| self.at(self.id - 1))
    }
}

/// The Go grammar's id for a field name (0 if there is none).
pub fn field_id(name: &str) -> u16 {
    let language: tree_sitter::Language = tree_sitter_go::LANGUAGE.into();
    language.field_id_for_name(name).map_or(0, |f| f.get())
}

/// A kind's name by symbol id, from a table built once (tree-sitter's own
/// lookup checks the name's UTF-8 on every call).
fn kind_name(kind: u16) -> &'static str {
    static NAMES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        let language: tree_sitter::Language = tree_sitter_go::LANGUAGE.into();
        (0..language.node_kind_count())
            .map(|id| {
                let name = language.node_kind_for_id(id as u16).unwrap_or("");
                &*Box::leak(name.to_string().into_boxed_str())
            })
            .collect()
    });
    match names.get(usize::from(kind)) {
        Some(name) => name,
        None if kind == ERROR_KIND => "ERROR",
        None => "",
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Asserts that `node` answers every question the checker asks as
    /// tree-sitter's `ts` does, over the whole subtree (siblings outside it
    /// left out); returns how many nodes it compared.
    pub(in crate::syntax) fn assert_same(ts: tree_sitter::Node<'_>, node: Node<'_>) -> usize {
        let fields: Vec<u16> = [
            "name", "type", "body", "left", "right", "value", "operand", "label",
        ]
        .iter()
        .map(|f| field_id(f))
        .collect();
        let mut pairs = vec![(ts, node)];
        let mut seen = 0;
        while let Some((ts, node)) = pairs.pop() {
            seen += 1;
            let at = (ts.kind(), ts.start_byte(), ts.end_byte());
            assert_eq!(at, (node.kind_str(), node.start_byte(), node.end_byte()));
            assert_eq!(ts.is_named(), node.is_named(), "{at:?}");
            assert_eq!(ts.is_error(), node.is_error(), "{at:?}");
            assert_eq!(
                node.child_by_field_id(0),
                None,
                "{at:?}: field 0 is no field"
            );
            for &f in &fields {
                let id = std::num::NonZeroU16::new(f).expect("a field");
                let mut cursor = ts.walk();
                let ts_all: Vec<usize> = ts
                    .children_by_field_id(id, &mut cursor)
                    .map(|c| c.start_byte())
                    .collect();
                let all: Vec<usize> = node
                    .children_by_field_id(f)
                    .map(|c| c.start_byte())
                    .collect();
                assert_eq!(ts_all, all, "{at:?}");
                let first = node.child_by_field_id(f).map(|c| c.start_byte());
                assert_eq!(
                    ts.child_by_field_id(f).map(|c| c.start_byte()),
                    first,
                    "{at:?}"
                );
            }
            if seen > 1 {
                let before = node.prev_sibling().map(|c| c.start_byte());
                assert_eq!(ts.prev_sibling().map(|c| c.start_byte()), before, "{at:?}");
            }
            let mut cursor = ts.walk();
            let ts_children: Vec<_> = ts.children(&mut cursor).collect();
            let children: Vec<_> = node.children().collect();
            assert_eq!(ts_children.len(), children.len(), "{at:?}");
            assert_eq!(
                ts.named_child_count(),
                node.named_children().count(),
                "{at:?}"
            );
            for (i, c) in children.iter().enumerate() {
                assert_eq!(node.child(i), Some(*c));
                assert_eq!(c.parent(), Some(node));
            }
            pairs.extend(ts_children.into_iter().zip(children));
        }
        seen
    }

    /// Every Go file of the test corpus, flattened, answers as
    /// tree-sitter's tree does.
    #[test]
    fn flat_trees_of_the_corpus_answer_as_tree_sitter_does() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/go");
        let mut files = 0;
        let mut nodes = 0;
        for entry in std::fs::read_dir(dir).expect("the corpus") {
            let path = entry.expect("an entry").path();
            if path.extension().is_none_or(|e| e != "go") {
                continue;
            }
            let src = std::fs::read_to_string(&path).expect("a Go file");
            let tree = super::super::parse(&src);
            let ts = tree.tree.clone().expect("a tree");
            let flat = FlatTree::new(ts.clone());
            nodes += assert_same(ts.root_node(), flat.root());
            files += 1;
        }
        assert!(
            files > 200 && nodes > 50_000,
            "{files} files, {nodes} nodes"
        );
    }
}
