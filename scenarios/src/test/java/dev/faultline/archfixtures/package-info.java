/**
 * Classes that each break one determinism rule of DESIGN.md, so that ArchitectureRulesBiteTest can
 * prove the rule flags them. Never copy from here.
 */
package dev.faultline.archfixtures;
