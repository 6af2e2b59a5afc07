//! Python's `round(x, ndigits)` on floats, bit for bit.
//!
//! CPython rounds the exact binary value to `ndigits` decimals, ties to even, and returns the
//! double nearest to that decimal. Here: scale, then decide the rounding direction from the
//! exactly known error of the scaling (via fma), so no string round-trip is needed.

const POW10: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// 1.5 * 2^52: for |y| < 2^51, `(y + ROUNDER) - ROUNDER` is `y` rounded to an integer, ties to
/// even (the sum lies where the doubles are the integers, and ROUNDER is even).
const ROUNDER: f64 = 6_755_399_441_055_744.0;

/// Python's `round(x, ndigits)` for `ndigits` in 0..=15.
///
/// The scaled value `y = x * 10^ndigits` is rounded to an integer with two additions (no
/// floor, no branch on its fraction); only when `y` is exactly halfway between two integers
/// does the scaling error (exact through fma) decide. Scores are small, so this is the whole
/// cost for them; other values (and non-finite ones) take [`round_wide`].
#[inline]
pub fn py_round(x: f64, ndigits: u32) -> f64 {
    let p = POW10[ndigits.min(15) as usize];
    let y = x * p;
    // A NaN fails the test too.
    if y.abs() < (1u64 << 50) as f64 {
        let r = (y + ROUNDER) - ROUNDER;
        // Exact: both are multiples of ulp(y), at most 0.5 apart.
        let d = y - r;
        let r = match d.abs() == 0.5 {
            true => halfway(x, p, y, r, d),
            false => r,
        };
        // r / p is the double nearest to the decimal r * 10^-ndigits (both exact), as
        // CPython's string round trip gives; the sign of a zero is x's.
        return (r / p).copysign(x);
    }
    round_wide(x, ndigits)
}

/// [`py_round`] when `y = x * p` is exactly halfway between the integers `r` and `r + 2d`
/// (`r` the even one): the exact product decides, an exact tie stays at the even `r`.
#[cold]
#[inline(never)]
fn halfway(x: f64, p: f64, y: f64, r: f64, d: f64) -> f64 {
    let err = x.mul_add(p, -y);
    if d > 0.0 && err > 0.0 {
        r + 1.0
    } else if d < 0.0 && err < 0.0 {
        r - 1.0
    } else {
        r
    }
}

/// [`py_round`] for any `x`: non-finite values, zeros and values whose scaled form is past
/// 2^50 as well (used by [`py_round`] for those).
fn round_wide(x: f64, ndigits: u32) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    let p = POW10[ndigits.min(15) as usize];
    let y = x * p;
    if !y.is_finite() || y.abs() >= 4.5e15 {
        // Already an integer multiple of 10^-ndigits at this magnitude.
        return x;
    }
    let fl = floor_small(y);
    // Exact: y and fl are within 1 of each other and |y| < 2^52.
    let f = y - fl;
    let up = if f > 0.5 {
        true
    } else if f < 0.5 {
        false
    } else {
        // y is exactly halfway; the scaling error decides, an exact tie goes to even.
        let err = x.mul_add(p, -y);
        if err > 0.0 {
            true
        } else if err < 0.0 {
            false
        } else {
            fl % 2.0 != 0.0
        }
    };
    // `y - fl` can only be a multiple of ulp(y) while 0.5 is too (|y| < 2^52), and the scaling
    // error is below half an ulp, so `f != 0.5` means the exact value is on the same side.
    let r = if up { fl + 1.0 } else { fl };
    let out = r / p;
    if out == 0.0 {
        0.0f64.copysign(x)
    } else {
        out
    }
}

/// `y.floor()` for `|y| < 2^63`, through an integer: x86-64's baseline has no rounding
/// instruction, and a libm call per score costs more than the scoring of a word.
#[inline]
fn floor_small(y: f64) -> f64 {
    let t = y as i64 as f64;
    if t > y {
        t - 1.0
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::{floor_small, py_round, round_wide};

    proptest::proptest! {
        /// The two-addition rounding equals the floor-based one (checked against CPython
        /// below) bit for bit, at every scale and on the exact halfway values.
        #[test]
        fn fast_rounding_equals_the_floor_based_one(
            m in -1.0e6f64..1.0e6, scale in 0i32..12, ndigits in 0u32..16, half in 0u32..4,
        ) {
            let x = m / 10f64.powi(scale);
            proptest::prop_assert_eq!(py_round(x, ndigits).to_bits(), round_wide(x, ndigits).to_bits());
            // Values whose scaled form is (near) a half: k + 0.5 at this scale.
            let h = ((m.trunc() + 0.5) * f64::from(half)) / 10f64.powi(ndigits as i32);
            proptest::prop_assert_eq!(py_round(h, ndigits).to_bits(), round_wide(h, ndigits).to_bits());
        }
    }

    #[test]
    fn fast_rounding_on_dense_grids_of_scores() {
        // Scores lie in [-1, 1]: every millionth, and every multiple of 2^-20 (whose scaled
        // forms hit exact halves), at the digits VADER rounds to and around them.
        for k in -1_000_000i32..=1_000_000 {
            let grid = [f64::from(k) / 1e6, f64::from(k) / f64::from(1 << 20)];
            for x in grid {
                for nd in [2, 3, 4, 5] {
                    assert_eq!(
                        py_round(x, nd).to_bits(),
                        round_wide(x, nd).to_bits(),
                        "{x} {nd}"
                    );
                }
            }
        }
    }

    #[test]
    fn fast_rounding_at_the_edges() {
        for x in [
            0.0,
            -0.0,
            0.0005,
            -0.0005,
            0.0015,
            0.0025,
            1.0,
            -1.0,
            0.9995,
            -0.99995,
            1e-300,
            -1e-300,
            1e300,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            1125899906842.6245,
            -1125899906842.6245,
            2.5,
            -2.5,
            3.5,
            0.125,
            0.375,
        ] {
            for nd in 0..16 {
                let (a, b) = (py_round(x, nd), round_wide(x, nd));
                assert!(
                    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
                    "{x} {nd}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn floor_small_is_floor(y in -4.5e15f64..4.5e15, scale in 0u32..16) {
            let y = y / 10f64.powi(scale as i32);
            proptest::prop_assert_eq!(floor_small(y), y.floor());
        }
    }

    #[test]
    fn floor_small_edges() {
        for y in [
            0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.5, -2.5, 1e-300, -1e-300, 4.4e15, -4.4e15,
        ] {
            assert_eq!(floor_small(y), y.floor(), "{y}");
        }
    }

    #[test]
    fn matches_python() {
        // Values checked against CPython 3.11.
        assert_eq!(py_round(0.0625, 3), 0.062);
        assert_eq!(py_round(0.0635, 3), 0.064);
        assert_eq!(py_round(2.675, 2), 2.67);
        assert_eq!(py_round(0.125, 2), 0.12);
        assert_eq!(py_round(0.375, 2), 0.38);
        assert_eq!(py_round(-0.00004, 4).to_bits(), (-0.0f64).to_bits());
        assert_eq!(py_round(0.5, 0), 0.0);
        assert_eq!(py_round(1.5, 0), 2.0);
        assert_eq!(py_round(-2.5, 0), -2.0);
        assert_eq!(py_round(0.95715, 4), 0.9571);
        assert_eq!(py_round(1.0, 3), 1.0);
    }
}
