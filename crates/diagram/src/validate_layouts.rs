//! What the whole-diagram arrangements (tree, …) need of a diagram's structure, checked so that
//! layout can rely on it. Each is set on `[diagram]` only: it lays out everything, so a group
//! arranged that way is a problem at the line of its `arrange`.
use crate::diagram::Group;
use crate::kinds::Arrange;
use crate::report::Report;
use crate::spec::FileSpec;

pub(crate) fn check(spec: &FileSpec, arrange: Arrange, groups: &[Group], r: &mut Report) {
    for (g, raw) in groups.iter().zip(&spec.group) {
        if let Some(a) = raw
            .get_ref()
            .arrange
            .as_ref()
            .filter(|_| g.arrange.whole_diagram())
        {
            r.at(
                a,
                format!(
                    "arrange = \"{}\" lays out a whole diagram: set it in [diagram], not on group `{}`",
                    g.arrange.name(),
                    g.id
                ),
            );
        }
    }
    if !arrange.whole_diagram() {
        return;
    }
    if let Some(grid) = &spec.grid {
        r.at(
            grid,
            format!(
                "a {} diagram has no AZ × tier grid: draw AZs as `az` groups instead",
                arrange.name()
            ),
        );
    }
}
