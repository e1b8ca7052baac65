;; The SIMD128 kernels of package simd (bibun/nn/simd): matrix products,
;; exp and the sigmoid, and the nudge sums of nn's incremental method, each
;; giving the same bits as the Go code it replaces (see doc.go).
;;
;; The module has no memory of its own: it imports the Go instance's memory
;; (the export "mem" of every Go wasm binary), and every pointer below is an
;; address in it, handed over by the Go side (simd_wasm.go). Strides are in
;; bytes.
;;
;; Exactness rules, kept everywhere below: only IEEE operations that round
;; once (add, sub, mul, div, neg, comparisons, bit moves), in the order of
;; the Go expression they copy, never fused (SIMD128 has no FMA; relaxed SIMD
;; is not used), and every sum taken in the same order as in Go.
;;
;; Assemble with Debian's wabt: wat2wasm kernels.wat -o kernels.wasm
;; (TestAssembled checks that the committed kernels.wasm is exactly that).

(module
  (import "go" "mem" (memory 0))

  ;; ------------------------------------------------------------------
  ;; The Go instance imports the exported functions below, but they cannot
  ;; work on its memory: a module that imports that memory can only be
  ;; instantiated after the Go instance, whose imports must exist before.
  ;; So simd.js instantiates this module twice. The front instance, made
  ;; first on an empty memory, gives Go its imports; each calls its kernel
  ;; through the front's table. The back instance, made from the Go
  ;; instance's memory, holds the kernels that work: simd.js copies its
  ;; table into the front's and sets the front's $attached. Go then calls
  ;; wasm to wasm, with no JavaScript in between.

  (table $kernels (export "kernels") 5 5 funcref)
  (elem (table $kernels) (i32.const 0) func $dgemm $exp $bias_sigmoid $hidden_diff $expm1)

  ;; attached is 1 once the table holds the back instance's kernels.
  (global $attached (export "attached") (mut i32) (i32.const 0))

  ;; available tells the Go side whether the kernels are there.
  (func (export "available") (result i32)
    (global.get $attached))

  (type $dgemm (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
  (func (export "dgemm") (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (call_indirect $kernels (type $dgemm)
      (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4)
      (local.get 5) (local.get 6) (local.get 7) (local.get 8) (local.get 9)
      (i32.const 0)))

  (type $exp (func (param i32 i32 i32)))
  (func (export "exp") (param i32 i32 i32)
    (call_indirect $kernels (type $exp) (local.get 0) (local.get 1) (local.get 2) (i32.const 1)))

  (type $expm1 (func (param i32 i32 i32) (result i32)))
  (func (export "expm1") (param i32 i32 i32) (result i32)
    (call_indirect $kernels (type $expm1) (local.get 0) (local.get 1) (local.get 2) (i32.const 4)))

  (type $bias_sigmoid (func (param i32 i32 i32 i32 i32)))
  (func (export "bias_sigmoid") (param i32 i32 i32 i32 i32)
    (call_indirect $kernels (type $bias_sigmoid)
      (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4)
      (i32.const 2)))

  (type $hidden_diff (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 f64) (result i32)))
  (func (export "hidden_diff") (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 f64) (result i32)
    (call_indirect $kernels (type $hidden_diff)
      (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4) (local.get 5)
      (local.get 6) (local.get 7) (local.get 8) (local.get 9) (local.get 10)
      (i32.const 3)))

  ;; ------------------------------------------------------------------
  ;; Constants. They are mutable globals only because V8 builds every
  ;; v128.const anew, in three instructions, at each use, and loads a
  ;; mutable global in one: exp and the sigmoid run a fifth faster so.
  ;; Nothing ever changes them.

  (global $one (mut v128) (v128.const f64x2 1 1))
  (global $two (mut v128) (v128.const f64x2 2 2))
  (global $three (mut v128) (v128.const f64x2 3 3))
  (global $five (mut v128) (v128.const f64x2 5 5))
  (global $six (mut v128) (v128.const f64x2 6 6))
  (global $seven (mut v128) (v128.const f64x2 7 7))
  (global $half (mut v128) (v128.const f64x2 0.5 0.5))
  (global $quarter (mut v128) (v128.const f64x2 0.25 0.25))
  (global $inf (mut v128) (v128.const f64x2 inf inf))
  ;; the sign bit
  (global $sign (mut v128) (v128.const i64x2 0x8000000000000000 0x8000000000000000))
  ;; all bits but the exponent's
  (global $notexp (mut v128) (v128.const i64x2 0x800fffffffffffff 0x800fffffffffffff))
  ;; an exponent's bits, shifted down
  (global $expbits (mut v128) (v128.const i64x2 0x7ff 0x7ff))
  ;; the exponent bias, and the largest exponent
  (global $bias (mut v128) (v128.const i64x2 1023 1023))
  ;; the smallest normal exponent
  (global $emin (mut v128) (v128.const i64x2 -1022 -1022))
  (global $53 (mut v128) (v128.const i64x2 53 53))
  ;; 2**-53
  (global $2p-53 (mut v128) (v128.const f64x2 0x1p-53 0x1p-53))
  ;; exp's Log2e
  (global $log2e (mut v128) (v128.const f64x2 0x1.71547652b82fep+0 0x1.71547652b82fep+0))
  ;; Ln2Hi
  (global $ln2hi (mut v128) (v128.const f64x2 0x1.62e42feep-1 0x1.62e42feep-1))
  ;; Ln2Lo
  (global $ln2lo (mut v128) (v128.const f64x2 0x1.a39ef35793c76p-33 0x1.a39ef35793c76p-33))
  ;; expmulti's P1 … P5
  (global $p1 (mut v128) (v128.const f64x2 0x1.5555555555555p-3 0x1.5555555555555p-3))
  (global $p2 (mut v128) (v128.const f64x2 -0x1.6c16c16bebd93p-9 -0x1.6c16c16bebd93p-9))
  (global $p3 (mut v128) (v128.const f64x2 0x1.1566aaf25de2cp-14 0x1.1566aaf25de2cp-14))
  (global $p4 (mut v128) (v128.const f64x2 -0x1.bbd41c5d26bf1p-20 -0x1.bbd41c5d26bf1p-20))
  (global $p5 (mut v128) (v128.const f64x2 0x1.6376972bea4dp-25 0x1.6376972bea4dp-25))
  ;; exp's Overflow, Underflow and NearZero (2**-28)
  (global $overflow (mut v128) (v128.const f64x2 0x1.62e42fefa39efp+9 0x1.62e42fefa39efp+9))
  (global $underflow (mut v128) (v128.const f64x2 -0x1.74910d52d3051p+9 -0x1.74910d52d3051p+9))
  (global $nearzero (mut v128) (v128.const f64x2 0x1p-28 0x1p-28))
  ;; the bound of exp's usual case
  (global $708 (mut v128) (v128.const f64x2 708 708))
  ;; expm1's Ln2Half and Tiny (2**-54)
  (global $ln2half (mut v128) (v128.const f64x2 0x1.62e42fefa39efp-2 0x1.62e42fefa39efp-2))
  (global $tiny (mut v128) (v128.const f64x2 0x1p-54 0x1p-54))
  ;; expm1's Q1 … Q5
  (global $q1 (mut v128) (v128.const f64x2 -0x1.11111111110f4p-5 -0x1.11111111110f4p-5))
  (global $q2 (mut v128) (v128.const f64x2 0x1.a01a019fe5585p-10 0x1.a01a019fe5585p-10))
  (global $q3 (mut v128) (v128.const f64x2 -0x1.4ce199eaadbb7p-14 -0x1.4ce199eaadbb7p-14))
  (global $q4 (mut v128) (v128.const f64x2 0x1.0cfca86e65239p-18 0x1.0cfca86e65239p-18))
  (global $q5 (mut v128) (v128.const f64x2 -0x1.afdb76e09c32dp-23 -0x1.afdb76e09c32dp-23))
  ;; sumSteps' 1.0/3, 0.2 and 1.0/6
  (global $third (mut v128) (v128.const f64x2 0x1.5555555555555p-2 0x1.5555555555555p-2))
  (global $fifth (mut v128) (v128.const f64x2 0x1.999999999999ap-3 0x1.999999999999ap-3))
  (global $sixth (mut v128) (v128.const f64x2 0x1.5555555555555p-3 0x1.5555555555555p-3))
  ;; sumSteps' bound of the series, ±1/1024
  (global $step (mut v128) (v128.const f64x2 0x1p-10 0x1p-10))
  (global $-step (mut v128) (v128.const f64x2 -0x1p-10 -0x1p-10))

  ;; ------------------------------------------------------------------
  ;; Matrix product C = A·B, every C[i][j] the sequential sum
  ;;
  ;;   s := 0.0
  ;;   for l := 0; l < k; l++ { s += A[i][l]*B[l][j] }
  ;;
  ;; with A[i][l] at a + i*sai + l*sal (so A may be a transposed view),
  ;; B[l][j] at b + l*ldb + 8*j (B not transposed) and C[i][j] at
  ;; c + i*ldc + 8*j. The tiles compute up to 4×4 such sums side by side,
  ;; two columns to an f64x2; each lane is one sum, in increasing l.
  ;; k ≥ 1.

  (func $dgemm (type $dgemm)
    (param $m i32) (param $n i32) (param $k i32)
    (param $a i32) (param $sai i32) (param $sal i32)
    (param $b i32) (param $ldb i32)
    (param $c i32) (param $ldc i32)
    (local $i i32) (local $j i32) (local $pa i32) (local $pc i32)
    ;; rows in fours
    (block $rows4done
      (loop $rows4
        (br_if $rows4done (i32.gt_s (i32.add (local.get $i) (i32.const 4)) (local.get $m)))
        (local.set $pa (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $sai))))
        (local.set $pc (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $ldc))))
        (local.set $j (i32.const 0))
        (block $cols4done
          (loop $cols4
            (br_if $cols4done (i32.gt_s (i32.add (local.get $j) (i32.const 4)) (local.get $n)))
            (call $tile4x4 (local.get $k) (local.get $pa) (local.get $sai) (local.get $sal)
              (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))) (local.get $ldb)
              (i32.add (local.get $pc) (i32.shl (local.get $j) (i32.const 3))) (local.get $ldc))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $cols4)))
        (if (i32.le_s (i32.add (local.get $j) (i32.const 2)) (local.get $n))
          (then
            (call $tile4x2 (local.get $k) (local.get $pa) (local.get $sai) (local.get $sal)
              (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))) (local.get $ldb)
              (i32.add (local.get $pc) (i32.shl (local.get $j) (i32.const 3))) (local.get $ldc))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))))
        (if (i32.lt_s (local.get $j) (local.get $n))
          (then
            (call $tile4x1 (local.get $k) (local.get $pa) (local.get $sai) (local.get $sal)
              (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))) (local.get $ldb)
              (i32.add (local.get $pc) (i32.shl (local.get $j) (i32.const 3))) (local.get $ldc))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $rows4)))
    ;; the last m mod 4 rows, one by one
    (block $rowsdone
      (loop $rows
        (br_if $rowsdone (i32.ge_s (local.get $i) (local.get $m)))
        (local.set $pa (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $sai))))
        (local.set $pc (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $ldc))))
        (local.set $j (i32.const 0))
        (block $cols4done
          (loop $cols4
            (br_if $cols4done (i32.gt_s (i32.add (local.get $j) (i32.const 4)) (local.get $n)))
            (call $tile1x4 (local.get $k) (local.get $pa) (local.get $sal)
              (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))) (local.get $ldb)
              (i32.add (local.get $pc) (i32.shl (local.get $j) (i32.const 3))))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $cols4)))
        (if (i32.le_s (i32.add (local.get $j) (i32.const 2)) (local.get $n))
          (then
            (call $tile1x2 (local.get $k) (local.get $pa) (local.get $sal)
              (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))) (local.get $ldb)
              (i32.add (local.get $pc) (i32.shl (local.get $j) (i32.const 3))))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))))
        (if (i32.lt_s (local.get $j) (local.get $n))
          (then
            (call $tile1x1 (local.get $k) (local.get $pa) (local.get $sal)
              (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))) (local.get $ldb)
              (i32.add (local.get $pc) (i32.shl (local.get $j) (i32.const 3))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows))))

  ;; tile4x4: rows 0–3 (A at pa, pa+sai, …) by columns 0–3 (B at pb) of C
  ;; at pc. $cRH holds row R, columns 2H and 2H+1. The k loop is unrolled
  ;; twice; the second half only continues the same sums.
  (func $tile4x4
    (param $k i32) (param $pa i32) (param $sai i32) (param $sal i32)
    (param $pb i32) (param $ldb i32) (param $pc i32) (param $ldc i32)
    (local $pa1 i32) (local $pa2 i32) (local $pa3 i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $x v128) (local $b0 v128) (local $b1 v128)
    (local.set $pa1 (i32.add (local.get $pa) (local.get $sai)))
    (local.set $pa2 (i32.add (local.get $pa1) (local.get $sai)))
    (local.set $pa3 (i32.add (local.get $pa2) (local.get $sai)))
    (loop $l
      (local.set $b0 (v128.load align=8 (local.get $pb)))
      (local.set $b1 (v128.load offset=16 align=8 (local.get $pb)))
      (local.set $x (v128.load64_splat (local.get $pa)))
      (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x) (local.get $b0))))
      (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load64_splat (local.get $pa1)))
      (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $x) (local.get $b0))))
      (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load64_splat (local.get $pa2)))
      (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $x) (local.get $b0))))
      (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load64_splat (local.get $pa3)))
      (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $x) (local.get $b0))))
      (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $x) (local.get $b1))))
      (local.set $pa (i32.add (local.get $pa) (local.get $sal)))
      (local.set $pa1 (i32.add (local.get $pa1) (local.get $sal)))
      (local.set $pa2 (i32.add (local.get $pa2) (local.get $sal)))
      (local.set $pa3 (i32.add (local.get $pa3) (local.get $sal)))
      (local.set $pb (i32.add (local.get $pb) (local.get $ldb)))
      (br_if $l (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
    (v128.store align=8 (local.get $pc) (local.get $c00))
    (v128.store offset=16 align=8 (local.get $pc) (local.get $c01))
    (local.set $pc (i32.add (local.get $pc) (local.get $ldc)))
    (v128.store align=8 (local.get $pc) (local.get $c10))
    (v128.store offset=16 align=8 (local.get $pc) (local.get $c11))
    (local.set $pc (i32.add (local.get $pc) (local.get $ldc)))
    (v128.store align=8 (local.get $pc) (local.get $c20))
    (v128.store offset=16 align=8 (local.get $pc) (local.get $c21))
    (local.set $pc (i32.add (local.get $pc) (local.get $ldc)))
    (v128.store align=8 (local.get $pc) (local.get $c30))
    (v128.store offset=16 align=8 (local.get $pc) (local.get $c31)))

  ;; tile4x2: rows 0–3 by columns 0–1.
  (func $tile4x2
    (param $k i32) (param $pa i32) (param $sai i32) (param $sal i32)
    (param $pb i32) (param $ldb i32) (param $pc i32) (param $ldc i32)
    (local $pa1 i32) (local $pa2 i32) (local $pa3 i32)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128) (local $b0 v128)
    (local.set $pa1 (i32.add (local.get $pa) (local.get $sai)))
    (local.set $pa2 (i32.add (local.get $pa1) (local.get $sai)))
    (local.set $pa3 (i32.add (local.get $pa2) (local.get $sai)))
    (loop $l
      (local.set $b0 (v128.load align=8 (local.get $pb)))
      (local.set $c0 (f64x2.add (local.get $c0) (f64x2.mul (v128.load64_splat (local.get $pa)) (local.get $b0))))
      (local.set $c1 (f64x2.add (local.get $c1) (f64x2.mul (v128.load64_splat (local.get $pa1)) (local.get $b0))))
      (local.set $c2 (f64x2.add (local.get $c2) (f64x2.mul (v128.load64_splat (local.get $pa2)) (local.get $b0))))
      (local.set $c3 (f64x2.add (local.get $c3) (f64x2.mul (v128.load64_splat (local.get $pa3)) (local.get $b0))))
      (local.set $pa (i32.add (local.get $pa) (local.get $sal)))
      (local.set $pa1 (i32.add (local.get $pa1) (local.get $sal)))
      (local.set $pa2 (i32.add (local.get $pa2) (local.get $sal)))
      (local.set $pa3 (i32.add (local.get $pa3) (local.get $sal)))
      (local.set $pb (i32.add (local.get $pb) (local.get $ldb)))
      (br_if $l (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
    (v128.store align=8 (local.get $pc) (local.get $c0))
    (local.set $pc (i32.add (local.get $pc) (local.get $ldc)))
    (v128.store align=8 (local.get $pc) (local.get $c1))
    (local.set $pc (i32.add (local.get $pc) (local.get $ldc)))
    (v128.store align=8 (local.get $pc) (local.get $c2))
    (local.set $pc (i32.add (local.get $pc) (local.get $ldc)))
    (v128.store align=8 (local.get $pc) (local.get $c3)))

  ;; tile4x1: rows 0–3 of one column, in scalar sums.
  (func $tile4x1
    (param $k i32) (param $pa i32) (param $sai i32) (param $sal i32)
    (param $pb i32) (param $ldb i32) (param $pc i32) (param $ldc i32)
    (local $pa1 i32) (local $pa2 i32) (local $pa3 i32)
    (local $s0 f64) (local $s1 f64) (local $s2 f64) (local $s3 f64) (local $y f64)
    (local.set $pa1 (i32.add (local.get $pa) (local.get $sai)))
    (local.set $pa2 (i32.add (local.get $pa1) (local.get $sai)))
    (local.set $pa3 (i32.add (local.get $pa2) (local.get $sai)))
    (loop $l
      (local.set $y (f64.load (local.get $pb)))
      (local.set $s0 (f64.add (local.get $s0) (f64.mul (f64.load (local.get $pa)) (local.get $y))))
      (local.set $s1 (f64.add (local.get $s1) (f64.mul (f64.load (local.get $pa1)) (local.get $y))))
      (local.set $s2 (f64.add (local.get $s2) (f64.mul (f64.load (local.get $pa2)) (local.get $y))))
      (local.set $s3 (f64.add (local.get $s3) (f64.mul (f64.load (local.get $pa3)) (local.get $y))))
      (local.set $pa (i32.add (local.get $pa) (local.get $sal)))
      (local.set $pa1 (i32.add (local.get $pa1) (local.get $sal)))
      (local.set $pa2 (i32.add (local.get $pa2) (local.get $sal)))
      (local.set $pa3 (i32.add (local.get $pa3) (local.get $sal)))
      (local.set $pb (i32.add (local.get $pb) (local.get $ldb)))
      (br_if $l (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
    (f64.store (local.get $pc) (local.get $s0))
    (local.set $pc (i32.add (local.get $pc) (local.get $ldc)))
    (f64.store (local.get $pc) (local.get $s1))
    (local.set $pc (i32.add (local.get $pc) (local.get $ldc)))
    (f64.store (local.get $pc) (local.get $s2))
    (local.set $pc (i32.add (local.get $pc) (local.get $ldc)))
    (f64.store (local.get $pc) (local.get $s3)))

  ;; tile1x4: one row by columns 0–3.
  (func $tile1x4
    (param $k i32) (param $pa i32) (param $sal i32) (param $pb i32) (param $ldb i32) (param $pc i32)
    (local $c0 v128) (local $c1 v128) (local $x v128)
    (loop $l
      (local.set $x (v128.load64_splat (local.get $pa)))
      (local.set $c0 (f64x2.add (local.get $c0) (f64x2.mul (local.get $x) (v128.load align=8 (local.get $pb)))))
      (local.set $c1 (f64x2.add (local.get $c1) (f64x2.mul (local.get $x) (v128.load offset=16 align=8 (local.get $pb)))))
      (local.set $pa (i32.add (local.get $pa) (local.get $sal)))
      (local.set $pb (i32.add (local.get $pb) (local.get $ldb)))
      (br_if $l (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
    (v128.store align=8 (local.get $pc) (local.get $c0))
    (v128.store offset=16 align=8 (local.get $pc) (local.get $c1)))

  ;; tile1x2: one row by columns 0–1.
  (func $tile1x2
    (param $k i32) (param $pa i32) (param $sal i32) (param $pb i32) (param $ldb i32) (param $pc i32)
    (local $c0 v128)
    (loop $l
      (local.set $c0 (f64x2.add (local.get $c0)
        (f64x2.mul (v128.load64_splat (local.get $pa)) (v128.load align=8 (local.get $pb)))))
      (local.set $pa (i32.add (local.get $pa) (local.get $sal)))
      (local.set $pb (i32.add (local.get $pb) (local.get $ldb)))
      (br_if $l (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
    (v128.store align=8 (local.get $pc) (local.get $c0)))

  ;; tile1x1: one element.
  (func $tile1x1
    (param $k i32) (param $pa i32) (param $sal i32) (param $pb i32) (param $ldb i32) (param $pc i32)
    (local $s f64)
    (loop $l
      (local.set $s (f64.add (local.get $s) (f64.mul (f64.load (local.get $pa)) (f64.load (local.get $pb)))))
      (local.set $pa (i32.add (local.get $pa) (local.get $sal)))
      (local.set $pb (i32.add (local.get $pb) (local.get $ldb)))
      (br_if $l (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
    (f64.store (local.get $pc) (local.get $s)))

  ;; ------------------------------------------------------------------
  ;; exp, lane by lane: Go's pure-Go math.Exp (src/math/exp.go: exp,
  ;; expmulti, and Ldexp from ldexp.go), the same operations in the same
  ;; order, so the same bits for every input, NaN payloads included.
  (func $expv (param $x v128) (result v128)
    (local $k v128) (local $kf v128) (local $hi v128) (local $lo v128)
    (local $r v128) (local $t v128) (local $c v128) (local $y v128)
    (local $e v128) (local $den v128) (local $res v128)
    ;; k = int(Log2e*x ± 0.5), the sign of 0.5 that of x (x == 0 gives 0
    ;; either way, and takes the near-zero branch below).
    (local.set $k (i32x4.trunc_sat_f64x2_s_zero
      (f64x2.add
        (f64x2.mul (global.get $log2e) (local.get $x))
        (v128.or (global.get $half)
          (v128.and (local.get $x) (global.get $sign))))))
    (local.set $kf (f64x2.convert_low_i32x4_s (local.get $k)))
    (local.set $k (i64x2.extend_low_i32x4_s (local.get $k)))
    ;; hi := x - float64(k)*Ln2Hi;  lo := float64(k)*Ln2Lo
    (local.set $hi (f64x2.sub (local.get $x)
      (f64x2.mul (local.get $kf) (global.get $ln2hi))))
    (local.set $lo (f64x2.mul (local.get $kf) (global.get $ln2lo)))
    ;; expmulti: r := hi - lo;  t := r*r
    (local.set $r (f64x2.sub (local.get $hi) (local.get $lo)))
    (local.set $t (f64x2.mul (local.get $r) (local.get $r)))
    ;; c := r - t*(P1+t*(P2+t*(P3+t*(P4+t*P5))))
    (local.set $c (f64x2.sub (local.get $r) (f64x2.mul (local.get $t)
      (f64x2.add (global.get $p1) (f64x2.mul (local.get $t)
      (f64x2.add (global.get $p2) (f64x2.mul (local.get $t)
      (f64x2.add (global.get $p3) (f64x2.mul (local.get $t)
      (f64x2.add (global.get $p4) (f64x2.mul (local.get $t)
        (global.get $p5))))))))))))
    ;; y := 1 - ((lo - (r*c)/(2-c)) - hi)
    (local.set $y (f64x2.sub (global.get $one)
      (f64x2.sub
        (f64x2.sub (local.get $lo)
          (f64x2.div (f64x2.mul (local.get $r) (local.get $c))
            (f64x2.sub (global.get $two) (local.get $c))))
        (local.get $hi))))
    ;; Ldexp(y, k). y is normal and positive here, so ldexp's early cases
    ;; and normalize do nothing: e := k + y's exponent.
    (local.set $e (i64x2.add (local.get $k)
      (i64x2.sub
        (v128.and (i64x2.shr_u (local.get $y) (i32.const 52)) (global.get $expbits))
        (global.get $bias))))
    ;; When 2**-28 ≤ |x| ≤ 708 in both lanes, the usual case, no special
    ;; case applies and e is a normal exponent (|k| ≤ 1022): ldexp only
    ;; replaces y's exponent by e, and m = 1 changes nothing.
    (if (i64x2.all_true (v128.and
          (f64x2.ge (f64x2.abs (local.get $x)) (global.get $nearzero))
          (f64x2.le (f64x2.abs (local.get $x)) (global.get $708))))
      (then
        (return (v128.or
          (v128.and (local.get $y) (global.get $notexp))
          (i64x2.shl (i64x2.add (local.get $e) (global.get $bias)) (i32.const 52))))))
    ;; a subnormal result: e += 53, and m = 2**-53 multiplies at the end
    (local.set $den (i64x2.lt_s (local.get $e) (global.get $emin)))
    (local.set $e (i64x2.add (local.get $e) (v128.and (local.get $den) (global.get $53))))
    (local.set $res (f64x2.mul
      (v128.bitselect (global.get $2p-53) (global.get $one) (local.get $den))
      (v128.or
        (v128.and (local.get $y) (global.get $notexp))
        (i64x2.shl (i64x2.add (local.get $e) (global.get $bias)) (i32.const 52)))))
    ;; ldexp's underflow (e < -1075 before the +53) and overflow
    (local.set $res (v128.bitselect (v128.const f64x2 0 0) (local.get $res)
      (i64x2.lt_s (local.get $e) (global.get $emin))))
    (local.set $res (v128.bitselect (global.get $inf) (local.get $res)
      (i64x2.gt_s (local.get $e) (global.get $bias))))
    ;; exp's special cases, each lane on its own: |x| < 2**-28 gives 1+x,
    ;; x < Underflow 0 (and -Inf), x > Overflow +Inf (and +Inf), NaN x.
    (local.set $res (v128.bitselect
      (f64x2.add (global.get $one) (local.get $x)) (local.get $res)
      (f64x2.lt (f64x2.abs (local.get $x)) (global.get $nearzero))))
    (local.set $res (v128.bitselect (v128.const f64x2 0 0) (local.get $res)
      (f64x2.lt (local.get $x) (global.get $underflow))))
    (local.set $res (v128.bitselect (global.get $inf) (local.get $res)
      (f64x2.gt (local.get $x) (global.get $overflow))))
    (v128.bitselect (local.get $x) (local.get $res) (f64x2.ne (local.get $x) (local.get $x))))

  ;; sigmoid is 1/(1+exp(-a)), as nn's sigmoid computes it.
  (func $sigmoidv (param $a v128) (result v128)
    (f64x2.div (global.get $one)
      (f64x2.add (global.get $one) (call $expv (f64x2.neg (local.get $a))))))

  ;; exp: dst[i] = exp(src[i]) for i < n (dst may be src).
  (func $exp (type $exp) (param $dst i32) (param $src i32) (param $n i32)
    (block $done
      (loop $pairs
        (br_if $done (i32.lt_s (local.get $n) (i32.const 2)))
        (v128.store align=8 (local.get $dst) (call $expv (v128.load align=8 (local.get $src))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (local.set $n (i32.sub (local.get $n) (i32.const 2)))
        (br $pairs)))
    (if (local.get $n)
      (then (v128.store64_lane 0 (local.get $dst) (call $expv (v128.load64_splat (local.get $src)))))))

  ;; expm1v is Go's pure-Go math.Expm1 (src/math/expm1.go) for the lanes
  ;; where |x| ≤ ln2/2, the branch without argument reduction (k = 0), or
  ;; |x| < 2**-54, where it is x; the same operations in the same order. The
  ;; other lanes (NaN too) are x, for the caller to finish.
  (func $expm1v (param $x v128) (result v128)
    (local $hfx v128) (local $hxs v128) (local $r1 v128) (local $t v128) (local $e v128)
    ;; hfx := 0.5 * x;  hxs := x * hfx
    (local.set $hfx (f64x2.mul (global.get $half) (local.get $x)))
    (local.set $hxs (f64x2.mul (local.get $x) (local.get $hfx)))
    ;; r1 := 1 + hxs*(Q1+hxs*(Q2+hxs*(Q3+hxs*(Q4+hxs*Q5))))
    (local.set $r1 (f64x2.add (global.get $one) (f64x2.mul (local.get $hxs)
      (f64x2.add (global.get $q1) (f64x2.mul (local.get $hxs)
      (f64x2.add (global.get $q2) (f64x2.mul (local.get $hxs)
      (f64x2.add (global.get $q3) (f64x2.mul (local.get $hxs)
      (f64x2.add (global.get $q4) (f64x2.mul (local.get $hxs)
        (global.get $q5))))))))))))
    ;; t := 3 - r1*hfx;  e := hxs * ((r1 - t) / (6.0 - x*t))
    (local.set $t (f64x2.sub (global.get $three) (f64x2.mul (local.get $r1) (local.get $hfx))))
    (local.set $e (f64x2.mul (local.get $hxs)
      (f64x2.div (f64x2.sub (local.get $r1) (local.get $t))
        (f64x2.sub (global.get $six) (f64x2.mul (local.get $x) (local.get $t))))))
    ;; x - (x*e - hxs) where 2**-54 ≤ |x| ≤ ln2/2, else x
    (v128.bitselect
      (f64x2.sub (local.get $x) (f64x2.sub (f64x2.mul (local.get $x) (local.get $e)) (local.get $hxs)))
      (local.get $x)
      (v128.and
        (f64x2.ge (f64x2.abs (local.get $x)) (global.get $tiny))
        (f64x2.le (f64x2.abs (local.get $x)) (global.get $ln2half)))))

  ;; expm1: dst[i] = expm1(src[i]) for i < n where |src[i]| ≤ ln2/2, and
  ;; dst[i] = src[i] elsewhere; returns how many are elsewhere (NaN
  ;; included), for the caller to finish from src.
  (func $expm1 (type $expm1) (param $dst i32) (param $src i32) (param $n i32) (result i32)
    (local $x v128) (local $far v128)
    (block $done
      (loop $pairs
        (br_if $done (i32.lt_s (local.get $n) (i32.const 2)))
        (local.set $x (v128.load align=8 (local.get $src)))
        (v128.store align=8 (local.get $dst) (call $expm1v (local.get $x)))
        (local.set $far (i64x2.sub (local.get $far) (v128.not
          (f64x2.le (f64x2.abs (local.get $x)) (global.get $ln2half)))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (local.set $n (i32.sub (local.get $n) (i32.const 2)))
        (br $pairs)))
    (if (local.get $n)
      (then
        (local.set $x (v128.load64_zero (local.get $src)))
        (v128.store64_lane 0 (local.get $dst) (call $expm1v (local.get $x)))
        (local.set $far (i64x2.sub (local.get $far) (v128.not
          (f64x2.le (f64x2.abs (local.get $x)) (global.get $ln2half)))))))
    ;; lane 1 of the odd tail is 0, which counts as near
    (i32.wrap_i64 (i64.add (i64x2.extract_lane 0 (local.get $far)) (i64x2.extract_lane 1 (local.get $far)))))

  ;; bias_sigmoid: for each of the rows rows of a and z (cols apart),
  ;; a[r][j] += bias[j], then z[r][j] = sigmoid(a[r][j]).
  (func $bias_sigmoid (type $bias_sigmoid) (param $z i32) (param $a i32) (param $bias i32) (param $rows i32) (param $cols i32)
    (local $j i32) (local $pb i32) (local $x v128)
    (block $done
      (loop $row
        (br_if $done (i32.le_s (local.get $rows) (i32.const 0)))
        (local.set $j (local.get $cols))
        (local.set $pb (local.get $bias))
        (block $pairsdone
          (loop $pairs
            (br_if $pairsdone (i32.lt_s (local.get $j) (i32.const 2)))
            (local.set $x (f64x2.add (v128.load align=8 (local.get $a)) (v128.load align=8 (local.get $pb))))
            (v128.store align=8 (local.get $a) (local.get $x))
            (v128.store align=8 (local.get $z) (call $sigmoidv (local.get $x)))
            (local.set $a (i32.add (local.get $a) (i32.const 16)))
            (local.set $z (i32.add (local.get $z) (i32.const 16)))
            (local.set $pb (i32.add (local.get $pb) (i32.const 16)))
            (local.set $j (i32.sub (local.get $j) (i32.const 2)))
            (br $pairs)))
        (if (local.get $j)
          (then
            (local.set $x (f64x2.add (v128.load64_splat (local.get $a)) (v128.load64_splat (local.get $pb))))
            (v128.store64_lane 0 (local.get $a) (local.get $x))
            (v128.store64_lane 0 (local.get $z) (call $sigmoidv (local.get $x)))
            (local.set $a (i32.add (local.get $a) (i32.const 8)))
            (local.set $z (i32.add (local.get $z) (i32.const 8)))))
        (local.set $rows (i32.sub (local.get $rows) (i32.const 1)))
        (br $row))))

  ;; ------------------------------------------------------------------
  ;; hidden_diff: nn's incremental hiddenDiff and its two sumSteps, for a
  ;; batch of n samples where no sample needs their rare branches. For each
  ;; sample r, lane 0 carries the nudge +δ and lane 1 the nudge −δ:
  ;;
  ;;   d  = −e·x1·z/(1 + e·xq) · (sgn·dw)   x1, xq: expm1(∓δ), exp(∓δ)
  ;;   u  = σ(d)·expm1(d) by its Taylor series (nn's sumSteps), σ(d) = sd[r]
  ;;   acc += log1p(u) by its Taylor series
  ;;
  ;; and it stores acc[0] − acc[1] at out and returns 1. It returns 0, and
  ;; stores nothing, when a sample needs a rare branch (e ≥ 1e300 or z ≤ 0,
  ;; or |d| ≥ 1/1024): the Go code then does the whole sum.
  (func $hidden_diff (type $hidden_diff)
    (param $out i32) (param $n i32)
    (param $e i32) (param $z i32) (param $xp i32) (param $xm1p i32) (param $xm i32) (param $xm1m i32)
    (param $sgn i32) (param $sd i32) (param $dw f64)
    (result i32)
    (local $ev f64) (local $zv f64) (local $d v128) (local $u v128) (local $acc v128)
    (block $done
      (loop $sample
        (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
        (local.set $ev (f64.load (local.get $e)))
        (local.set $zv (f64.load (local.get $z)))
        (if (i32.eqz (i32.and (f64.lt (local.get $ev) (f64.const 0x1.7e43c8800759cp+996)) (f64.gt (local.get $zv) (f64.const 0))))
          (then (return (i32.const 0))))
        ;; dp, dm = -e * xm1 * z / (1 + e*xq), then times k = sgn*dw
        (local.set $d (f64x2.mul
          (f64x2.div
            (f64x2.mul
              (f64x2.mul (f64x2.splat (f64.neg (local.get $ev)))
                (v128.load64_lane 1 (local.get $xm1m) (v128.load64_zero (local.get $xm1p))))
              (f64x2.splat (local.get $zv)))
            (f64x2.add (global.get $one)
              (f64x2.mul (f64x2.splat (local.get $ev))
                (v128.load64_lane 1 (local.get $xm) (v128.load64_zero (local.get $xp))))))
          (f64x2.splat (f64.mul (f64.load (local.get $sgn)) (local.get $dw)))))
        ;; sumSteps' rare branch: d >= 1/1024 || d <= -1/1024
        (if (v128.any_true (v128.or
              (f64x2.ge (local.get $d) (global.get $step))
              (f64x2.le (local.get $d) (global.get $-step))))
          (then (return (i32.const 0))))
        ;; u := s * d * (1 + d/2*(1+d/3*(1+d/4*(1+d/5*(1+d/6)))))
        ;; (d/2 and d/4 as d*0.5 and d*0.25: the same exactly rounded value)
        (local.set $u (f64x2.mul
          (f64x2.mul (v128.load64_splat (local.get $sd)) (local.get $d))
          (f64x2.add (global.get $one) (f64x2.mul (f64x2.mul (local.get $d) (global.get $half))
          (f64x2.add (global.get $one) (f64x2.mul (f64x2.div (local.get $d) (global.get $three))
          (f64x2.add (global.get $one) (f64x2.mul (f64x2.mul (local.get $d) (global.get $quarter))
          (f64x2.add (global.get $one) (f64x2.mul (f64x2.div (local.get $d) (global.get $five))
          (f64x2.add (global.get $one) (f64x2.div (local.get $d) (global.get $six)))))))))))))
        ;; total += u * (1 - u*(0.5-u*(1.0/3-u*(0.25-u*(0.2-u*(1.0/6-u/7))))))
        (local.set $acc (f64x2.add (local.get $acc) (f64x2.mul (local.get $u)
          (f64x2.sub (global.get $one) (f64x2.mul (local.get $u)
          (f64x2.sub (global.get $half) (f64x2.mul (local.get $u)
          (f64x2.sub (global.get $third) (f64x2.mul (local.get $u)
          (f64x2.sub (global.get $quarter) (f64x2.mul (local.get $u)
          (f64x2.sub (global.get $fifth) (f64x2.mul (local.get $u)
          (f64x2.sub (global.get $sixth)
            (f64x2.div (local.get $u) (global.get $seven))))))))))))))))
        (local.set $e (i32.add (local.get $e) (i32.const 8)))
        (local.set $z (i32.add (local.get $z) (i32.const 8)))
        (local.set $xp (i32.add (local.get $xp) (i32.const 8)))
        (local.set $xm1p (i32.add (local.get $xm1p) (i32.const 8)))
        (local.set $xm (i32.add (local.get $xm) (i32.const 8)))
        (local.set $xm1m (i32.add (local.get $xm1m) (i32.const 8)))
        (local.set $sgn (i32.add (local.get $sgn) (i32.const 8)))
        (local.set $sd (i32.add (local.get $sd) (i32.const 8)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $sample)))
    (f64.store (local.get $out)
      (f64.sub (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))))
    (i32.const 1))
)
