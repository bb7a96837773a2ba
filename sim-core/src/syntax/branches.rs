//! Label and branch checks on a function body without syntax errors
//! (undefined or unused labels, misplaced break/continue/fallthrough,
//! gotos into blocks or over variable declarations), which the Go compiler
//! reports while parsing, before type checking.

use crate::hash::HashMap;

use super::ast::{Block, GoPos, Name, SimpleStmt, Stmt};
use super::printer::expr_string;
use super::scanner::Tok;

/// Checks a function body; `file` names the source in quoted positions.
pub(crate) fn check(body: &Block, file: &str) -> Vec<(GoPos, String)> {
    let mut checker = Checker {
        file,
        labels: HashMap::default(),
        blocks: Vec::new(),
        errors: Vec::new(),
    };
    let forward = checker.block(None, Targets::default(), None, body.pos, &body.list);
    for goto in forward {
        let name = &goto.label.value;
        let found = checker
            .labels
            .get_mut(name)
            .map(|l| {
                l.used = true;
                l.block
            })
            .map(|b| checker.blocks[b].start);
        let msg = match found {
            Some(start) => format!(
                "goto {name} jumps into block starting at {}",
                checker.quote(start)
            ),
            None => format!("label {name} not defined"),
        };
        checker.errors.push((goto.label.pos, msg));
    }
    let mut unused: Vec<&Label> = checker.labels.values().filter(|l| !l.used).collect();
    crate::sort::by_key(&mut unused, |l| l.name.pos);
    let unused: Vec<(GoPos, String)> = unused
        .into_iter()
        .map(|l| {
            (
                l.name.pos,
                format!("label {} defined and not used", l.name.value),
            )
        })
        .collect();
    checker.errors.extend(unused);
    checker.errors
}

/// What an enclosing `break` may leave.
#[derive(Clone, Copy)]
enum BreakTarget {
    For,
    Select,
    Switch { type_switch: bool, clauses: usize },
}

#[derive(Clone, Copy, Default)]
struct Targets {
    breaks: Option<BreakTarget>,
    continues: bool,
    /// Index of the enclosing switch case, if directly in one.
    case_index: Option<usize>,
}

/// The kind of statement a label is attached to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LabeledKind {
    Loop,
    SwitchOrSelect,
    Other,
}

struct Label {
    name: Name,
    block: usize,
    /// Identity of the labeled statement.
    id: usize,
    kind: LabeledKind,
    used: bool,
}

struct BlockInfo {
    parent: Option<usize>,
    start: GoPos,
    labeled: Option<usize>,
}

#[derive(Clone)]
struct Goto {
    label: Name,
    id: usize,
}

struct Checker<'f> {
    file: &'f str,
    labels: HashMap<String, Label>,
    blocks: Vec<BlockInfo>,
    errors: Vec<(GoPos, String)>,
}

/// Which label lookup found, for break and continue.
enum Enclosing {
    Found(LabeledKind),
    Elsewhere,
    Undefined,
}

impl Checker<'_> {
    fn quote(&self, pos: GoPos) -> String {
        format!("./{}:{}:{}", self.file, pos.line, pos.col)
    }

    fn error(&mut self, pos: GoPos, msg: String) {
        self.errors.push((pos, msg));
    }

    fn is_ancestor(&self, target: usize, mut b: Option<usize>) -> bool {
        while let Some(i) = b {
            if i == target {
                return true;
            }
            b = self.blocks[i].parent;
        }
        false
    }

    fn goto_target_found(&mut self, b: usize, name: &str) -> bool {
        let Some(l) = self.labels.get_mut(name) else {
            return false;
        };
        l.used = true;
        let target = l.block;
        self.is_ancestor(target, Some(b))
    }

    fn enclosing_target(&mut self, b: usize, name: &str) -> Enclosing {
        let Some(l) = self.labels.get_mut(name) else {
            return Enclosing::Undefined;
        };
        l.used = true;
        let (id, kind) = (l.id, l.kind);
        let mut cur = Some(b);
        while let Some(i) = cur {
            if self.blocks[i].labeled == Some(id) {
                return Enclosing::Found(kind);
            }
            cur = self.blocks[i].parent;
        }
        Enclosing::Elsewhere
    }

    fn block(
        &mut self,
        parent: Option<usize>,
        ctxt: Targets,
        labeled: Option<usize>,
        start: GoPos,
        body: &[Stmt],
    ) -> Vec<Goto> {
        let b = self.blocks.len();
        self.blocks.push(BlockInfo {
            parent,
            start,
            labeled,
        });

        let mut var_decl: Option<(GoPos, String)> = None;
        let mut forward: Vec<Goto> = Vec::new();
        let mut jumped_over: Vec<usize> = Vec::new();

        let trimmed = body
            .iter()
            .rposition(|s| !matches!(s, Stmt::Empty))
            .map_or(&body[..0], |i| &body[..=i]);

        for (index, stmt) in trimmed.iter().enumerate() {
            let mut labeled: Option<usize> = None;
            let mut s = stmt;
            loop {
                match s {
                    Stmt::Decl {
                        first_var: Some((pos, name)),
                    } => {
                        var_decl = Some((*pos, name.value.clone()));
                        jumped_over = forward.iter().map(|g| g.id).collect();
                    }
                    Stmt::Simple(SimpleStmt::Assign {
                        pos,
                        op: super::scanner::Op::Def,
                        lhs,
                        ..
                    }) => {
                        var_decl = Some((*pos, expr_string(lhs)));
                        jumped_over = forward.iter().map(|g| g.id).collect();
                    }
                    Stmt::Labeled { label, stmt: inner } => {
                        if label.value != "_" {
                            let id = s as *const Stmt as usize;
                            self.declare(b, label, id, kind_of(inner));
                            let mut kept = Vec::new();
                            for goto in forward.drain(..) {
                                if goto.label.value == label.value {
                                    if let Some(l) = self.labels.get_mut(&label.value) {
                                        l.used = true;
                                    }
                                    if let Some((vpos, vname)) = &var_decl {
                                        if jumped_over.contains(&goto.id) {
                                            let msg = format!(
                                                "goto {} jumps over declaration of {} at {}",
                                                label.value,
                                                vname,
                                                self.quote(*vpos)
                                            );
                                            self.error(goto.label.pos, msg);
                                        }
                                    }
                                } else {
                                    kept.push(goto);
                                }
                            }
                            forward = kept;
                            labeled = Some(id);
                        }
                        s = inner;
                        continue;
                    }
                    Stmt::Branch { pos, tok, label } => {
                        self.branch(
                            b,
                            ctxt,
                            index,
                            trimmed.len(),
                            *pos,
                            *tok,
                            label,
                            s,
                            &mut forward,
                        );
                    }
                    Stmt::Block(inner) => {
                        let t = Targets {
                            case_index: None,
                            ..ctxt
                        };
                        let f = self.block(Some(b), t, labeled, inner.pos, &inner.list);
                        forward.extend(f);
                    }
                    Stmt::If { then, els, .. } => {
                        let t = Targets {
                            case_index: None,
                            ..ctxt
                        };
                        let f = self.block(Some(b), t, labeled, then.pos, &then.list);
                        forward.extend(f);
                        if let Some(els) = els {
                            let f = self.block(
                                Some(b),
                                t,
                                labeled,
                                els.else_pos(),
                                std::slice::from_ref(&**els),
                            );
                            forward.extend(f);
                        }
                    }
                    Stmt::For { body } => {
                        let t = Targets {
                            breaks: Some(BreakTarget::For),
                            continues: true,
                            case_index: None,
                        };
                        let f = self.block(Some(b), t, labeled, body.pos, &body.list);
                        forward.extend(f);
                    }
                    Stmt::Switch { type_switch, body } => {
                        for (i, clause) in body.iter().enumerate() {
                            let t = Targets {
                                breaks: Some(BreakTarget::Switch {
                                    type_switch: *type_switch,
                                    clauses: body.len(),
                                }),
                                continues: ctxt.continues,
                                case_index: Some(i),
                            };
                            let f = self.block(Some(b), t, labeled, clause.pos, &clause.body);
                            forward.extend(f);
                        }
                    }
                    Stmt::Select { body } => {
                        for clause in body {
                            let t = Targets {
                                breaks: Some(BreakTarget::Select),
                                continues: ctxt.continues,
                                case_index: None,
                            };
                            let f = self.block(Some(b), t, labeled, clause.pos, &clause.body);
                            forward.extend(f);
                        }
                    }
                    _ => {}
                }
                break;
            }
        }
        forward
    }

    fn declare(&mut self, b: usize, label: &Name, id: usize, kind: LabeledKind) {
        if let Some(alt) = self.labels.get(&label.value) {
            let msg = format!(
                "label {} already defined at {}",
                label.value,
                self.quote(alt.name.pos)
            );
            self.error(label.pos, msg);
            return;
        }
        self.labels.insert(
            label.value.clone(),
            Label {
                name: label.clone(),
                block: b,
                id,
                kind,
                used: false,
            },
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn branch(
        &mut self,
        b: usize,
        ctxt: Targets,
        index: usize,
        count: usize,
        pos: GoPos,
        tok: Tok,
        label: &Option<Name>,
        stmt: &Stmt,
        forward: &mut Vec<Goto>,
    ) {
        let Some(label) = label else {
            match tok {
                Tok::Break if ctxt.breaks.is_none() => {
                    self.error(pos, "break is not in a loop, switch, or select".into());
                }
                Tok::Continue if !ctxt.continues => {
                    self.error(pos, "continue is not in a loop".into());
                }
                Tok::Fallthrough => {
                    let mut msg = Some("fallthrough statement out of place");
                    if let Some(BreakTarget::Switch {
                        type_switch,
                        clauses,
                    }) = ctxt.breaks
                    {
                        if type_switch {
                            msg = Some("cannot fallthrough in type switch");
                        } else if ctxt.case_index.is_none() || index + 1 < count {
                            // Not the last statement of a case.
                        } else if ctxt.case_index.map(|i| i + 1) == Some(clauses) {
                            msg = Some("cannot fallthrough final case in switch");
                        } else {
                            msg = None;
                        }
                    }
                    if let Some(msg) = msg {
                        self.error(pos, msg.into());
                    }
                }
                _ => {}
            }
            return;
        };
        let name = label.value.as_str();
        match tok {
            Tok::Break => match self.enclosing_target(b, name) {
                Enclosing::Found(LabeledKind::Loop | LabeledKind::SwitchOrSelect) => {}
                Enclosing::Found(LabeledKind::Other) | Enclosing::Elsewhere => {
                    self.error(label.pos, format!("invalid break label {name}"));
                }
                Enclosing::Undefined => {
                    self.error(label.pos, format!("break label not defined: {name}"));
                }
            },
            Tok::Continue => match self.enclosing_target(b, name) {
                Enclosing::Found(LabeledKind::Loop) => {}
                Enclosing::Found(_) | Enclosing::Elsewhere => {
                    self.error(label.pos, format!("invalid continue label {name}"));
                }
                Enclosing::Undefined => {
                    self.error(label.pos, format!("continue label not defined: {name}"));
                }
            },
            Tok::Goto if !self.goto_target_found(b, name) => {
                forward.push(Goto {
                    label: label.clone(),
                    id: stmt as *const Stmt as usize,
                });
            }
            _ => {}
        }
    }
}

fn kind_of(s: &Stmt) -> LabeledKind {
    match s {
        Stmt::For { .. } => LabeledKind::Loop,
        Stmt::Switch { .. } | Stmt::Select { .. } => LabeledKind::SwitchOrSelect,
        _ => LabeledKind::Other,
    }
}
