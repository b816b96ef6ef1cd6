package org.rectify.supervision;

/** 问责方式: 通报批评, 约谈, 诫勉谈话, 组织处理, 党纪政务处分, and others. */
public enum AccountabilityType {
    CIRCULATED_CRITICISM, SUMMONS, ADMONITION, ORGANISATIONAL_ACTION, DISCIPLINARY_SANCTION, OTHER
}
