//! Our own small pictograms, one per component kind, drawn as SVG paths on a 32 × 32 grid from lines,
//! arcs and boxes. They hint at what a thing does (a cylinder stores, a funnel filters); they are not,
//! and must not become, copies of any vendor's icon artwork.

fn circle(cx: f32, cy: f32, r: f32) -> String {
    format!(
        "M{} {cy} a{r} {r} 0 1 0 {} 0 a{r} {r} 0 1 0 {} 0 ",
        cx - r,
        2.0 * r,
        -2.0 * r
    )
}

fn rect(x: f32, y: f32, w: f32, h: f32) -> String {
    format!("M{x} {y} h{w} v{h} h{} Z ", -w)
}

const SHIELD: &str = "M16 3 L27 7 V15 C27 22 22 27 16 29 C10 27 5 22 5 15 V7 Z ";
const PAGE: &str = "M8 3 H19 L25 9 V29 H8 Z M19 3 V9 H25 ";
const BOLT: &str = "M18 7 L11 17 H16 L14 25 L21 15 H16 Z ";

/// The glyph of a component kind: (path drawn with the kind's colour as stroke, path filled with it).
/// `None` for an unknown name; validation has already rejected those.
pub(crate) fn paths(kind: &str) -> Option<(String, String)> {
    let (stroke, fill): (String, String) = match kind {
        "user" => (circle(16.0, 10.0, 6.0) + "M5 30 C5 19 27 19 27 30 Z", String::new()),
        "internet" => (circle(16.0, 16.0, 13.0) + "M16 3 C8 9 8 23 16 29 C24 23 24 9 16 3 M3 16 H29 M6 9 H26 M6 23 H26", String::new()),
        "client" => (rect(3.0, 6.0, 26.0, 20.0) + "M3 11 H29 M8 17 H24 M8 21 H18", String::new()),
        "dns" => ("M16 4 V30 M16 7 H26 L29 10.5 L26 14 H16 M16 17 H6 L3 20.5 L6 24 H16".into(), String::new()),
        "cdn" => (circle(16.0, 16.0, 10.0) + "M16 4 V28 M4 16 H28", circle(16.0, 4.0, 2.5) + &circle(16.0, 28.0, 2.5) + &circle(4.0, 16.0, 2.5) + &circle(28.0, 16.0, 2.5) + &circle(16.0, 16.0, 3.5)),
        "load-balancer" => (circle(16.0, 16.0, 13.0) + "M6 16 H13 M13 16 L23 9 M13 16 H24 M13 16 L23 23", circle(13.0, 16.0, 2.5)),
        "internet-gateway" => ("M6 29 V13 A10 10 0 0 1 26 13 V29 Z M16 29 V14 M11 22 H21".into(), String::new()),
        "nat-gateway" => (rect(3.0, 9.0, 15.0, 16.0) + "M10 17 H29 M24 12 L29 17 L24 22", String::new()),
        "transit-gateway" => (circle(16.0, 16.0, 5.0) + "M12.5 12.5 L6 6 M19.5 12.5 L26 6 M12.5 19.5 L6 26 M19.5 19.5 L26 26", circle(5.0, 5.0, 3.0) + &circle(27.0, 5.0, 3.0) + &circle(5.0, 27.0, 3.0) + &circle(27.0, 27.0, 3.0)),
        "peering" => (circle(8.0, 16.0, 5.5) + &circle(24.0, 16.0, 5.5) + "M13.5 16 H18.5", String::new()),
        "endpoint" => (rect(8.0, 12.0, 16.0, 13.0) + "M12 12 V5 M20 12 V5 M16 25 V30", String::new()),
        "vpc" => ("M9 25 H24 A6 6 0 0 0 24 13 A8 8 0 0 0 9 14 A5.5 5.5 0 0 0 9 25 Z".into(), String::new()),
        "router" => (circle(16.0, 16.0, 13.0) + "M16 8 V24 M8 16 H24 M13 11 L16 8 L19 11 M13 21 L16 24 L19 21", String::new()),
        "server" => (rect(5.0, 6.0, 22.0, 9.0) + &rect(5.0, 17.0, 22.0, 9.0) + "M15 10.5 H23 M15 21.5 H23", circle(9.0, 10.5, 1.6) + &circle(9.0, 21.5, 1.6)),
        "auto-scaling" => (rect(9.0, 9.0, 14.0, 14.0) + "M2 16 H7 M4.5 13 L2 16 L4.5 19 M25 16 H30 M27.5 13 L30 16 L27.5 19 M16 2 V7 M13 4.5 L16 2 L19 4.5 M16 25 V30 M13 27.5 L16 30 L19 27.5", String::new()),
        "container" => ("M16 3 L28 9 V23 L16 29 L4 23 V9 Z M4 9 L16 15 L28 9 M16 15 V29".into(), String::new()),
        "function" => ("M12 5 C7 5 10 14 6 16 C10 18 7 27 12 27 M20 5 C25 5 22 14 26 16 C22 18 25 27 20 27".into(), circle(16.0, 16.0, 2.0)),
        "database" => ("M6 8 C6 3 26 3 26 8 V24 C26 29 6 29 6 24 Z M6 8 C6 13 26 13 26 8 M6 16 C6 21 26 21 26 16".into(), String::new()),
        "table" => (rect(4.0, 6.0, 24.0, 20.0) + "M4 12 H28 M4 19 H28 M13 6 V26", String::new()),
        "cache" => (circle(16.0, 16.0, 13.0), BOLT.into()),
        "bucket" => ("M5 8 L8 28 H24 L27 8 M5 8 C5 4 27 4 27 8 C27 12 5 12 5 8 Z".into(), String::new()),
        "document" => (PAGE.to_string() + "M11 15 H22 M11 19 H22 M11 23 H18", String::new()),
        "encrypted-data" => (PAGE.to_string() + "M11 11 H16 M15 19 V17 A3 3 0 0 1 21 17 V19", rect(13.0, 19.0, 10.0, 7.0)),
        "queue" => (rect(3.0, 9.0, 26.0, 14.0) + "M10 9 V23 M16 9 V23 M22 9 V23", String::new()),
        "topic" => ("M4 13 V19 H9 L21 26 V6 L9 13 Z M25 11 C28 14 28 18 25 21 M27 7 C32 12 32 20 27 25".into(), String::new()),
        "event-bus" => ("M3 16 H29 M8 16 V6 M24 16 V26".into(), circle(8.0, 16.0, 3.0) + &circle(16.0, 16.0, 3.0) + &circle(24.0, 16.0, 3.0)),
        "workflow" => (rect(3.0, 4.0, 11.0, 8.0) + &rect(18.0, 20.0, 11.0, 8.0) + "M8.5 12 V24 H18 M15 21 L18 24 L15 27", String::new()),
        "stream" => ("M3 10 C8 6 12 14 17 10 S25 6 29 10 M3 16 C8 12 12 20 17 16 S25 12 29 16 M3 22 C8 18 12 26 17 22 S25 18 29 22".into(), String::new()),
        "mail" => (rect(3.0, 8.0, 26.0, 17.0) + "M3 8 L16 18 L29 8", String::new()),
        "firewall" => (rect(3.0, 7.0, 26.0, 18.0) + "M3 13 H29 M3 19 H29 M11 7 V13 M21 7 V13 M16 13 V19 M8 19 V25 M24 19 V25", String::new()),
        "security-group" => (SHIELD.to_string() + "M11 16 L15 20 L21 12", String::new()),
        "waf" => (SHIELD.to_string() + "M10 10 H22 L17.5 16 V22 L14.5 23.5 V16 Z", String::new()),
        "key" => (circle(10.0, 16.0, 6.0) + "M16 16 H29 M24 16 V21 M28 16 V20", String::new()),
        "secret" => (rect(7.0, 14.0, 18.0, 14.0) + "M11 14 V10 A5 5 0 0 1 21 10 V14", circle(16.0, 21.0, 2.0)),
        "governance" => ("M16 5 V27 M9 27 H23 M6 9 H26 M6 9 L3 17 H9 Z M26 9 L23 17 H29 Z".into(), String::new()),
        "monitoring" => ("M4 4 V28 H28 M8 22 L14 14 L19 18 L27 8".into(), String::new()),
        "alarm" => ("M9 22 V14 A7 7 0 0 1 23 14 V22 L26 25 H6 Z M13 28 H19".into(), String::new()),
        "timer" => (circle(16.0, 17.0, 11.0) + "M16 17 V10 M16 17 L21 20 M13 3 H19", String::new()),
        "etl" => (rect(3.0, 10.0, 9.0, 12.0) + &rect(20.0, 10.0, 9.0, 12.0) + "M12 16 H20 M17 13 L20 16 L17 19", String::new()),
        "catalog" => ("M6 5 H24 V27 H6 Z M10 5 V27 M14 11 H21 M14 15 H21".into(), String::new()),
        "query" => (circle(13.0, 13.0, 8.0) + "M19 19 L28 28", String::new()),
        "dashboard" => ("M4 28 H28".into(), rect(6.0, 16.0, 5.0, 11.0) + &rect(14.0, 9.0, 5.0, 18.0) + &rect(22.0, 13.0, 5.0, 14.0)),
        "repo" => (circle(9.0, 7.0, 3.0) + &circle(9.0, 25.0, 3.0) + &circle(23.0, 11.0, 3.0) + "M9 10 V22 M23 14 C23 20 9 18 9 22", String::new()),
        "build" => (circle(16.0, 16.0, 6.0) + "M16 3 V9 M16 23 V29 M3 16 H9 M23 16 H29 M7 7 L11 11 M21 21 L25 25 M25 7 L21 11 M11 21 L7 25", String::new()),
        "test" => ("M12 4 H20 M13 4 V13 L6 27 H26 L19 13 V4 M9 21 H23".into(), String::new()),
        "registry" => ("M16 4 L29 10 L16 16 L3 10 Z M3 16 L16 22 L29 16 M3 22 L16 28 L29 22".into(), String::new()),
        "deploy" => ("M5 18 V28 H27 V18 M16 22 V4 M10 10 L16 4 L22 10".into(), String::new()),
        "approval" => (rect(4.0, 4.0, 24.0, 24.0) + "M9 16 L14 21 L23 10", String::new()),
        "rollback" => ("M8 10 H20 A7 7 0 0 1 20 24 H10 M12 5 L7 10 L12 15".into(), String::new()),
        "step" => (rect(3.0, 8.0, 26.0, 16.0) + "M9 16 H23 M19 12 L23 16 L19 20", String::new()),
        "choice" => ("M16 3 L29 16 L16 29 L3 16 Z".into(), String::new()),
        "parallel" => ("M4 16 H10 M10 8 V24 M10 8 H28 M10 24 H28 M24 4 L28 8 L24 12 M24 20 L28 24 L24 28".into(), String::new()),
        "success" => (circle(16.0, 16.0, 13.0) + "M10 16 L14 21 L23 11", String::new()),
        "fail" => (circle(16.0, 16.0, 13.0) + "M11 11 L21 21 M21 11 L11 21", String::new()),
        "generic" => (rect(5.0, 5.0, 22.0, 22.0), String::new()),
        _ => return None,
    };
    Some((stroke, fill))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::COMPONENT_KINDS;

    #[test]
    fn every_component_kind_has_a_glyph_of_its_own() {
        let mut seen = std::collections::HashSet::new();
        for k in COMPONENT_KINDS {
            let p = paths(k.name).unwrap_or_else(|| panic!("no glyph for {}", k.name));
            assert!(seen.insert(p), "{} reuses another kind's glyph", k.name);
        }
        assert!(paths("spaceship").is_none());
    }
}
