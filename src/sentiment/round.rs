//! Python's `round(x, ndigits)` on floats, bit for bit.
//!
//! CPython rounds the exact binary value to `ndigits` decimals, ties to even, and returns the
//! double nearest to that decimal. Here: scale, then decide the rounding direction from the
//! exactly known error of the scaling (via fma), so no string round-trip is needed.

/// Python's `round(x, ndigits)` for `ndigits` in 0..=15.
pub fn py_round(x: f64, ndigits: u32) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    const POW10: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
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
    use super::{floor_small, py_round};

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
