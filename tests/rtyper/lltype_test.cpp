// Tests for rtyper/lltype.{h,cpp}: interning, printing, struct prefixing.
#include "rtyper/lltype.h"

#include <gtest/gtest.h>

using namespace lathe::rtyper;

TEST(LLType, PrimitivesPrintAndAreDistinct) {
  TypeContext ctx;
  EXPECT_EQ(ctx.voidType()->str(), "Void");
  EXPECT_EQ(ctx.boolType()->str(), "Bool");
  EXPECT_EQ(ctx.charType()->str(), "Char");
  EXPECT_EQ(ctx.signedType()->str(), "Signed");
  EXPECT_EQ(ctx.unsignedType()->str(), "Unsigned");
  EXPECT_EQ(ctx.floatType()->str(), "Float");
  EXPECT_NE(ctx.signedType(), ctx.unsignedType());
  EXPECT_TRUE(ctx.signedType()->isPrimitive());
  EXPECT_TRUE(ctx.charType()->isIntegral());
  EXPECT_FALSE(ctx.floatType()->isIntegral());
}

TEST(LLType, StructuralTypesAreInterned) {
  TypeContext ctx;
  const LLType *a1 = ctx.gcArray(ctx.signedType());
  EXPECT_EQ(a1, ctx.gcArray(ctx.signedType()));
  EXPECT_NE(a1, ctx.gcArray(ctx.floatType()));
  EXPECT_NE(a1, ctx.inlineArray(ctx.signedType())); // GC-ness is part of identity
  EXPECT_EQ(ctx.ptr(a1), ctx.ptr(ctx.gcArray(ctx.signedType())));
  const LLType *f1 = ctx.func({ctx.signedType(), ctx.floatType()}, ctx.boolType());
  EXPECT_EQ(f1, ctx.func({ctx.signedType(), ctx.floatType()}, ctx.boolType()));
  EXPECT_NE(f1, ctx.func({ctx.signedType(), ctx.floatType()}, ctx.signedType()));
  EXPECT_NE(f1, ctx.func({ctx.floatType(), ctx.signedType()}, ctx.boolType()));
}

TEST(LLType, StructsAreNominal) {
  TypeContext ctx;
  const LLType *a = ctx.gcStruct("A", {{"x", ctx.signedType()}});
  const LLType *b = ctx.gcStruct("B", {{"x", ctx.signedType()}});
  EXPECT_NE(a, b);
  EXPECT_NE(ctx.ptr(a), ctx.ptr(b));
  EXPECT_EQ(ctx.findStruct("A"), a);
  EXPECT_EQ(ctx.findStruct("C"), nullptr);
}

TEST(LLType, Printing) {
  TypeContext ctx;
  const LLType *str = ctx.gcStruct("STR", {{"hash", ctx.signedType()},
                                           {"length", ctx.signedType()},
                                           {"chars", ctx.inlineArray(ctx.charType())}});
  EXPECT_EQ(ctx.ptr(str)->str(), "Ptr(GcStruct STR)");
  EXPECT_EQ(str->describe(),
            "GcStruct STR { hash: Signed, length: Signed, chars: Array(Char) }");
  EXPECT_EQ(ctx.ptr(ctx.gcArray(ctx.ptr(str)))->str(), "Ptr(GcArray(Ptr(GcStruct STR)))");
  EXPECT_EQ(ctx.ptr(ctx.func({ctx.signedType(), ctx.floatType()}, ctx.boolType()))->str(),
            "Ptr(Func(Signed, Float) -> Bool)");
  EXPECT_EQ(ctx.func({}, ctx.voidType())->str(), "Func() -> Void");
  EXPECT_EQ(ctx.plainStruct("EMPTY", {})->describe(), "Struct EMPTY {}");
  EXPECT_EQ(ctx.signedType()->describe(), "Signed");
}

TEST(LLType, InheritancePrefixesParentFields) {
  TypeContext ctx;
  LLType *vtable = ctx.declareStruct("OBJECT_VTABLE", false);
  const LLType *object = ctx.gcStruct("OBJECT", {{"typeptr", ctx.ptr(vtable)}});
  ASSERT_EQ(ctx.defineFields(vtable, {{"subclassMin", ctx.signedType()},
                                      {"subclassMax", ctx.signedType()}}),
            "");
  const LLType *base = ctx.gcStruct("Base", {{"x", ctx.signedType()}}, object);
  const LLType *derived = ctx.gcStruct("Derived", {{"y", ctx.floatType()}}, base);
  EXPECT_EQ(derived->describe(),
            "GcStruct Derived : Base { typeptr: Ptr(Struct OBJECT_VTABLE), x: Signed, y: Float }");
  EXPECT_EQ(derived->fieldIndex("typeptr"), 0);
  EXPECT_EQ(derived->fieldIndex("x"), 1);
  EXPECT_EQ(derived->fieldType("y"), ctx.floatType());
  EXPECT_EQ(derived->fieldType("z"), nullptr);
  EXPECT_TRUE(derived->inheritsFrom(object));
  EXPECT_TRUE(derived->inheritsFrom(derived));
  EXPECT_FALSE(base->inheritsFrom(derived));
  EXPECT_TRUE(derived->hasTypeptrPrefix());
  EXPECT_FALSE(ctx.gcStruct("Plain", {{"a", ctx.signedType()}})->hasTypeptrPrefix());
  // The parent's own field list is untouched.
  EXPECT_EQ(base->fields().size(), 2u);
}

TEST(LLType, RecursiveStructThroughPtr) {
  TypeContext ctx;
  LLType *node = ctx.declareStruct("NODE", true);
  EXPECT_FALSE(node->isDefined());
  ASSERT_EQ(ctx.defineFields(node, {{"value", ctx.signedType()}, {"next", ctx.ptr(node)}}), "");
  EXPECT_TRUE(node->isDefined());
  EXPECT_EQ(node->describe(), "GcStruct NODE { value: Signed, next: Ptr(GcStruct NODE) }");
}

TEST(LLType, DefineFieldsRejectsBadLayouts) {
  TypeContext ctx;
  const LLType *base = ctx.gcStruct("B", {{"x", ctx.signedType()}});
  EXPECT_EQ(ctx.defineFields(ctx.declareStruct("D", true, base), {{"x", ctx.floatType()}}),
            "struct D: duplicate field 'x'");
  EXPECT_EQ(ctx.defineFields(ctx.declareStruct("V", true), {{"v", ctx.voidType()}}),
            "struct V: field 'v' has no storage type");
  EXPECT_EQ(ctx.defineFields(ctx.declareStruct("M", true),
                             {{"a", ctx.inlineArray(ctx.charType())}, {"b", ctx.signedType()}}),
            "struct M: field 'a': only a non-GC Array may be inlined, as the last field");
  EXPECT_EQ(ctx.defineFields(ctx.declareStruct("G", true),
                             {{"a", ctx.gcArray(ctx.charType())}}),
            "struct G: field 'a': only a non-GC Array may be inlined, as the last field");
}

TEST(LLType, GcPointersAndVarsized) {
  TypeContext ctx;
  const LLType *str = ctx.gcStruct("STR", {{"hash", ctx.signedType()},
                                           {"chars", ctx.inlineArray(ctx.charType())}});
  const LLType *vt = ctx.plainStruct("VT", {{"n", ctx.signedType()}});
  EXPECT_TRUE(ctx.ptr(str)->isGcPointer());
  EXPECT_TRUE(ctx.ptr(ctx.gcArray(ctx.signedType()))->isGcPointer());
  EXPECT_FALSE(ctx.ptr(vt)->isGcPointer());
  EXPECT_FALSE(ctx.ptr(ctx.func({}, ctx.voidType()))->isGcPointer());
  EXPECT_FALSE(ctx.signedType()->isGcPointer());
  EXPECT_TRUE(str->isVarsized());
  EXPECT_FALSE(vt->isVarsized());
}
