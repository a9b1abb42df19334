//! Scoring a sequence: the longest run of steps in the right relative order. Shared by order drills
//! (grade.rs) and the order questions of failure drills, so it sits below both.

/// Positions forming the longest strictly increasing run of ranks; among equally long runs, the one
/// with most steps in exactly the right position, then the earliest.
pub(crate) fn longest_run(rank: &[Option<usize>]) -> Vec<usize> {
    let n = rank.len();
    let mut best: Vec<(usize, usize, Option<usize>)> = vec![(0, 0, None); n];
    for i in 0..n {
        let Some(ri) = rank[i] else { continue };
        let exact = usize::from(ri == i);
        best[i] = (1, exact, None);
        for j in 0..i {
            if let Some(rj) = rank[j] {
                let cand = (best[j].0 + 1, best[j].1 + exact);
                if rj < ri && cand > (best[i].0, best[i].1) {
                    best[i] = (cand.0, cand.1, Some(j));
                }
            }
        }
    }
    let mut end = None;
    for i in 0..n {
        if best[i].0 > 0
            && end.is_none_or(|e: usize| (best[i].0, best[i].1) > (best[e].0, best[e].1))
        {
            end = Some(i);
        }
    }
    let mut run = Vec::new();
    while let Some(i) = end {
        run.push(i);
        end = best[i].2;
    }
    run.reverse();
    run
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_run_prefers_exact_positions() {
        assert_eq!(longest_run(&[Some(0), Some(1), Some(2)]), vec![0, 1, 2]);
        // One step moved to the front: the other three are still in order.
        assert_eq!(
            longest_run(&[Some(3), Some(0), Some(1), Some(2)]),
            vec![1, 2, 3]
        );
        // Fully reversed: only one can count; the one in its exact position wins.
        assert_eq!(longest_run(&[Some(2), Some(1), Some(0)]), vec![1]);
        assert_eq!(longest_run(&[None, Some(1), None]), vec![1]);
        assert!(longest_run(&[]).is_empty());
    }
}
