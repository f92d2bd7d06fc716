#!/usr/bin/env python3
"""Generate the held-out "meaning" set for liclint: fictional licence copies, harmless surfaces
and forgeries with one defect of meaning each.  Standard library only, deterministic.

    python3 make.py            # writes copies/ and manifest.toml beside this file

Written blind: from /work/shared/reference/domain.md and the five genuine seeds only.
The clause text of the special provisions (特别规定事项) below is copied from the seeds
(template A: seed 001, B: seed 004, C: seed 002), punctuation normalised to full width.
"""

import datetime as dt
import json
import os
import re
import shutil
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
D = dt.date

# ---------------------------------------------------------------------------------------------
# Template versions of 特别规定事项, copied from the seeds (see domain.md §2).
# ---------------------------------------------------------------------------------------------
TPL_A = [
    "《特别规定事项》是经营许可证重要组成部分，{company}应当按照经营许可证载明的许可事项开展经营活动，并遵守下列规定事项：",
    "一、你公司应当按照《中华人民共和国电信条例》、《互联网信息服务管理办法》等法律法规要求，严格执行电信网码号资源、业务资费、市场管理、服务质量、电信设备管理、设施建设和运行、安全生产及网络与信息安全等行业管理规定，履行维护国家安全和利益的义务，配合电信主管部门依法开展监督检查工作。",
    "二、你公司应当按照许可的业务种类和业务覆盖范围，依法开展业务经营活动，不得经营或变相经营未经许可的其他电信业务，不得超越许可的业务覆盖范围开展经营活动。你公司应当在公司主要经营场所、网站主页、业务宣传手册等显著位置标明经营许可证编号。",
    "三、你公司在未取得国内通信设施服务业务经营许可时，不得投资建设电信传输网络设施。你公司需使用电信传输网等网络基础设施时，应当使用已取得基础电信业务经营许可的经营者提供的网络设施，不得从无基础电信业务经营许可者处购买、租用电信传输网网络资源设施。",
    "四、你公司应当按照电信主管部门要求，规范各类电信资源的使用管理，不得向未经许可擅自开展电信业务的经营者提供电信资源，不得将你公司购买或租用的带宽等网络接入资源向互联网接入服务业务经营者转售或转租。你公司应当采取切实的技术手段和监控措施加强用户管理，禁止用户利用你公司的电信资源违规经营电信业务。",
    "五、你公司应当按照《电信服务规范》等相关电信服务管理要求向用户提供服务，建立健全服务管理制度，配备用户投诉受理人员，妥善化解服务纠纷，维护用户合法权益。",
    "六、你公司应当按照《通信网络安全防护管理办法》（工业和信息化部令第11号）的有关要求，开展所属网络和系统定级备案、符合性评测和风险评估等工作，及时向通信主管部门报备，按照有关政策和通信网络安全防护系列标准要求落实网络安全防护措施，保障网络和系统安全。",
    "七、你公司应当按照国家用户信息保护有关法律法规和《电信和互联网用户个人信息保护规定》（工业和信息化部令第24号）要求，开展用户信息保护工作，落实企业网络与信息安全主体责任，完善管理制度和技术手段，规范用户信息和网络数据采集、传输、存储、使用和销毁等行为，加强数据访问权限管理，防止用户信息和数据泄露。",
    "八、你公司应当按照电信主管部门要求，在发生大规模用户个人信息泄露事件、影响众多用户的服务中断事件等重大网络安全事件时，立即采取应急措施，控制影响范围，消除事件危害，并第一时间向电信主管部门报告，根据电信主管部门要求采取应急处置措施。",
    "九、你公司应当配合国家有关部门依法开展监督检查工作，按照法律法规要求或有关标准，做好用户日志留存、违法信息监测等工作，对发现的违法信息立即进行处置，保存有关记录，并在处置后的10个工作日内向电信主管部门上报。",
    "十、你公司应按照国家法律法规要求，为有关部门提供技术接口和解密等技术支持和协助。",
    "十一、你公司或者经你公司授权经营电信业务的子公司，遇有合并或者分立、有限责任公司股东变化、业务经营权转移等涉及经营主体需要变更的情形，应当自公司作出决定之日起30日内向我部提出申请，经批准后方可实施。涉及新增外方股东或原有外方股东发生变更的情形，应当按照《外商投资电信企业管理规定》的有关规定执行。",
    "十二、你公司遇有业务覆盖范围内负责当地业务经营、客户服务等事务的机构信息发生变化的情形，应当在变更后30日内向原发证机关报送有关信息。你公司经营许可证有效期届满需要继续经营的，应当提前90日向原发证机关提出续办申请。",
    "十三、你公司如已持有省（自治区、直辖市）通信管理局颁发的电信业务经营许可证，且所载明的业务种类和相应的业务覆盖范围包含在跨地区电信业务经营许可证的范围内，应当在取得我部颁发的许可证后30日内，向相关省（自治区、直辖市）通信管理局办理许可证的注销或变更手续。",
    "十四、你公司应当在每年第一季度参加电信主管部门组织的经营许可证年报。",
    "十五、你公司在经营信息服务业务时应当遵守下列规定：",
    "（一）你公司应当按本经营许可证中载明的信息服务项目开展业务。你公司拟从事法律、行政法规和国务院文件规定的“互联网+”融合服务项目，或者按照《互联网信息服务管理办法》等相关法规要求应当前置审批或专项审批的项目，应当依法办理相关服务项目审批手续，经有关主管部门审核同意后，向我部办理经营许可证增项手续。",
    "（二）未经批准，你公司不得开展固定网电话信息服务业务。",
    "（三）你公司制作、复制、发布、传播《互联网信息服务管理办法》第十五条所列内容，不得提供虚假信息诱导、欺骗用户。",
    "（四）你公司发布信息服务业务广告时，应当公布你公司名称和经营许可证编号，且不得含有悖于社会良好风尚、损害人民群众尤其是青少年身心健康的内容。",
    "（五）你公司向用户收费应当做到准确、合理，不得向用户收取信息服务项目中明码标价外的任何其他费用。你公司若委托当地电信运营企业代收信息服务费，应当与其签订协议，明确双方权利、义务和违约责任，并采取措施避免引发收费纠纷。",
    "（六）你公司应当按照电信主管部门要求，配备相应数量的专职网络与信息安全管理技术人员，成立相应的网络与信息安全管理机构，并将相关信息向业务开展地电信主管部门报备，建立健全网络与信息安全保障制度，制定应急处置预案，做好网络与信息安全管理技术手段规范使用、日常管理及运行维护。",
    "（七）你公司应当按照电信主管部门要求或有关标准，具备网络与信息安全管理技术保障措施，并实现与网络和业务发展同步规划、同步建设、同步运行，确保网络与信息安全管理技术手段对运营网络和业务的全覆盖；提供面向公众发布的公共信息应使用技术手段和人工检查相结合的方式，进行违法信息监测和处置。",
    "（八）你公司应当按照电信主管部门要求或有关标准，建立互联网新技术新业务安全评估制度，在新技术、业务或应用上线（含合作推广、试点、商用等）时，在基础资源配置、技术实现方式、业务功能或用户规模等方面发生较大变化时，开展网络信息安全评估，积极防范网络信息安全风险，并在安全评估完成30日内向电信主管部门提交书面评估报告。",
    "（九）你公司应当按照电信主管部门要求，针对木马僵尸网络、移动恶意程序、网站仿冒等公共网络安全威胁，采取中断仿冒网站或恶意程序传播、控制服务器的接入服务等处置措施。",
    "（十）（适用于信息发布平台及递送服务）你公司提供信息发布平台和递送服务时，充分保障用户权益，不得强行推送、定制服务。",
    "（十一）（适用于信息发布平台及递送服务）你公司提供应用软件发布平台服务时，应当按照电信主管部门有关标准或要求建设应用软件网络与信息安全管理技术手段，落实对应用软件（含更新版本）的上架前检测和日常巡检措施，明示应用软件获取的用户终端权限及用途，留存历史版本、开发者等应用软件基本信息，对违法违规应用软件及时依法处理，建立黑名单管理制度和用户投诉举报机制，督促应用开发者落实安全责任。",
    "（十二）（适用于信息搜索查询服务）你公司提供信息搜索查询服务时，应当按照电信主管部门要求或有关标准，具备网络信息安全技术保障措施，不得向用户推送或推荐违法信息。",
    "（十三）（适用于信息社区平台服务）你公司提供信息社区平台服务时，对公众帐号和开放平台发布者做好资质审核备案，对违反国家相关法律法规或协议约定的，视情节采取警示、限制发布、暂停更新直至关闭账号等措施。你公司应依照有关法律规定，配合电信主管部门建立应急处置机制。",
    "（十四）（适用于信息即时交互服务）你公司提供信息即时交互服务时，对公众帐号和开放平台发布者做好资质审核备案，同时按照电信主管部门有关技术标准或要求，建立完善的应急处置机制和技术手段，制定重大突发情况下的应急处置预案。你公司不得通过公用通信网和互联网提供公共电话业务。",
]

TPL_B = [
    "《特别规定事项》是经营许可证重要组成部分，{company}应当按照经营许可证载明的许可事项开展经营活动，并遵守下列规定事项：",
    "一、你公司应当按照《中华人民共和国电信条例》、《互联网信息服务管理办法》等法律法规要求，严格执行电信网码号资源、业务资费、市场管理、服务质量、电信设备管理、设施建设和运行、安全生产及网络与信息安全等行业管理规定，履行维护国家安全和利益的义务，配合电信主管部门依法开展监督检查工作。",
    "二、你公司应当按照许可的业务种类和业务覆盖范围，依法开展业务经营活动，不得经营或变相经营未经许可的其他电信业务，不得超越许可的业务覆盖范围开展经营活动。你公司应当在公司主要经营场所、网站主页、业务宣传手册等显著位置标明经营许可证编号。",
    "三、你公司在未取得国内通信设施服务业务经营许可时，不得投资建设电信传输网络设施。你公司需使用电信传输网等网络基础设施时，应当使用已取得基础电信业务经营许可的经营者提供的网络设施，不得从无基础电信业务经营许可者处购买、租用电信传输网络资源设施。",
    "四、你公司应当按照电信主管部门要求，规范各类电信资源的使用管理，不得向未经许可擅自开展电信业务的经营者提供电信资源，不得将你公司购买或租用的带宽等网络接入资源向互联网接入服务业务经营者转售或转租。你公司应当采取切实的技术手段和监控措施加强用户管理，禁止用户利用你公司的电信资源违规经营电信业务。",
    "五、你公司应当按照《电信服务规范》等相关电信服务管理要求向用户提供服务，建立健全服务管理制度，配备用户投诉受理人员，妥善化解服务纠纷，维护用户合法权益。",
    "六、你公司应当按照《通信网络安全防护管理办法》（工业和信息化部令第11号）的有关要求，开展所属网络和系统定级备案、符合性评测和风险评估等工作，及时向通信主管部门报备，按照有关政策和通信网络安全防护系列标准要求落实网络安全防护措施，保障网络和系统安全。",
    "七、你公司应当按照国家用户信息保护有关法律法规和《电信和互联网用户个人信息保护规定》（工业和信息化部令第24号）要求，落实企业网络与信息安全主体责任，完善管理制度和技术手段，规范用户信息和网络数据采集、传输、存储、使用和销毁等行为，加强数据访问权限管理，防止用户信息和数据泄露。",
    "八、你公司应当按照电信主管部门要求，在发生大规模用户个人信息泄露事件、影响众多用户的服务中断事件等重大网络安全事件时，应当按照相关规定及预案立即进行应急处置，控制影响范围，消除事件危害，并第一时间向电信主管部门报告，根据电信主管部门要求采取应急处置措施。",
    "九、你公司应当配合国家有关部门依法开展监督检查工作，按照法律法规要求或有关标准，做好用户日志留存、违法信息监测等工作，对发现的违法信息立即进行处置，保存有关记录，并在处置后的10个工作日内向电信主管部门上报。",
    "十、你公司应按照有关法律法规要求，为有关部门提供技术接口和解密等技术支持和协助。",
    "十一、你公司或者经你公司授权经营电信业务的子公司，遇有合并或者分立、有限责任公司股东变化、业务经营权转移等涉及经营主体需要变更的情形，应当自公司作出决定之日起30日内向我部提出申请，经批准后方可实施。涉及新增外方股东或原有外方股东发生变更的情形，应当按照《外商投资电信企业管理规定》的有关规定执行。",
    "十二、你公司遇有业务覆盖范围内负责当地业务经营、客户服务等事务的机构信息发生变更的情形，应当在变更后30日内向原发证机关报送有关信息。你公司经营许可证有效期届满需要继续经营的，应当提前90日向原发证机关提出续办申请。",
    "十三、你公司如已持有省（自治区、直辖市）通信管理局颁发的电信业务经营许可证，且所载明的业务种类和相应的业务覆盖范围包含在跨地区电信业务经营许可证的范围内，应当在取得我部颁发的许可证后30日内，向相关省（自治区、直辖市）通信管理局办理许可证的注销或变更手续。",
    "十四、你公司应当在每年第一季度参加电信主管部门组织的经营许可证年报。",
    "十五、你公司在经营信息服务业务时应当遵守下列规定：",
    "（一）你公司应当按本经营许可证中载明的信息服务项目开展业务。你公司拟从事法律、行政法规和国务院文件规定的“互联网+”融合服务项目，或者按照《互联网信息服务管理办法》等相关法规要求应当前置审批或专项审批的项目，应当依法办理相关服务项目审批手续，经有关主管部门审核同意后，向我部办理经营许可证增项手续。",
    "（二）未经批准，你公司不得开展固定网电话信息服务业务。",
    "（三）你公司制作、复制、发布、传播《互联网信息服务管理办法》第十五条所列内容，不得提供虚假信息诱导、欺骗用户。",
    "（四）你公司发布信息服务业务广告时，应当公布你公司名称和经营许可证编号，且不得含有悖于社会良好风尚、损害人民群众尤其是青少年身心健康的内容。",
    "（五）你公司向用户收费应当做到准确、合理，不得向用户收取信息服务项目中明码标价外的任何其他费用。你公司若委托当地电信运营企业代收信息服务费，应当与其签订协议，明确双方权利、义务和违约责任，并采取措施避免引发收费纠纷。",
    "（六）你公司应当按照电信主管部门要求，配备相应数量的专职网络与信息安全管理人员，成立相应的网络与信息安全管理机构，并将相关信息向业务开展地电信主管部门报备，建立健全网络与信息安全保障制度，制定应急处置预案，做好网络与信息安全管理技术手段规范使用、日常管理及运行维护。",
    "（七）你公司应当按照电信主管部门要求或有关标准，具备网络与信息安全管理技术保障措施，并实现与网络和业务发展同步规划、同步建设、同步运行，确保网络与信息安全管理技术手段对运营网络和业务的全覆盖；提供面向公众发布的公共信息应使用技术手段和人工检查相结合的方式，进行违法信息监测和处置。",
    "（八）你公司应当按照电信主管部门要求或有关标准，建立互联网新技术新业务安全评估制度，在新技术、业务或应用上线（含合作推广、试点、商用等）时，在基础资源配置、技术实现方式、业务功能或用户规模等方面发生较大变化时，开展网络信息安全评估，积极防范网络信息安全风险，并在安全评估完成30日内向电信主管部门提交书面评估报告。",
    "（九）你公司应当按照电信主管部门要求，针对木马僵尸网络、移动恶意程序、网站仿冒等公共网络安全威胁，采取中断仿冒网站或恶意程序传播、控制服务器的接入服务等处置措施。",
    "（十）（适用于信息发布平台及递送服务）你公司提供信息发布平台和递送服务时，充分保障用户权益，不得强行推送、定制服务。",
    "你公司提供应用软件发布平台服务时，应当按照电信主管部门有关标准或要求建设应用软件网络与信息安全管理技术手段，落实对应用软件（含更新版本）的上架前检测和日常巡检措施，明示应用软件获取的用户终端权限及用途，留存历史版本、开发者等应用软件基本信息，对违法违规应用软件及时依法处理，建立黑名单管理制度和用户投诉举报机制，督促应用开发者落实安全责任。",
    "你公司提供发送短信业务时，应当严格规范经营行为，规范端口短信息服务，健全内部管控机制，建立防范垃圾短信技术手段，不发送垃圾短信，不为发送垃圾短信提供便利。",
    "（十一）（适用于信息搜索查询服务）你公司提供信息搜索查询服务时，应当按照电信主管部门要求或有关标准，具备网络信息安全技术保障措施，不得向用户推送或推荐违法信息。",
    "（十二）（适用于信息社区平台服务）你公司提供信息社区平台服务时，对公众帐号和开放平台发布者做好资质审核备案，对违反国家相关法律法规或协议约定的，视情节采取警示、限制发布、暂停更新直至关闭帐号等措施。你公司应依照有关法律规定，配合电信主管部门建立应急处置机制。",
    "（十三）（适用于信息即时交互服务）你公司提供信息即时交互服务时，对公众帐号和开放平台发布者做好资质审核备案，同时按照电信主管部门有关技术标准或要求，建立完善的应急处置机制和技术手段，制定重大突发情况下的应急处置预案。你公司不得通过公用通信网和互联网提供公共电话业务。",
]

TPL_C = [
    "《特别规定事项》是经营许可证重要组成部分，{company}应当按照经营许可证载明的许可事项开展经营活动，并遵守下列规定事项：",
    "一、你公司应当按照《中华人民共和国电信条例》、《互联网信息服务管理办法》等法律法规要求，严格执行电信网码号资源、业务资费、市场管理、服务质量、电信设备管理、设施建设和运行、安全生产及网络与信息安全等行业管理规定，履行维护国家安全和利益的义务，配合电信主管部门依法开展监督检查工作。",
    "二、你公司应当按照许可的业务种类和业务覆盖范围，依法开展业务经营活动，不得经营或变相经营未经许可的其他电信业务，不得超越许可的业务覆盖范围开展经营活动。你公司应当在公司主要经营场所、网站主页、业务宣传手册等显著位置标明经营许可证编号。",
    "三、你公司在未取得国内通信设施服务业务经营许可时，不得投资建设电信传输网络设施。你公司需使用电信传输网等网络基础设施时，应当使用已取得基础电信业务经营许可的经营者提供的网络设施，不得从无基础电信业务经营许可者处购买、租用电信传输网网络资源设施。",
    "四、你公司应当按照电信主管部门要求，规范各类电信资源的使用管理，不得向未经许可擅自开展电信业务的经营者提供电信资源，不得将你公司购买或租用的带宽等网络接入资源向互联网接入服务业务经营者转售或转租。你公司应当采取切实的技术手段和监控措施加强用户管理，禁止用户利用你公司的电信资源违规经营电信业务。",
    "五、你公司应当按照《电信服务规范》等相关电信服务管理要求向用户提供服务，建立健全服务管理制度，配备用户投诉受理人员，妥善化解服务纠纷，维护用户合法权益。",
    "六、你公司应当按照《通信网络安全防护管理办法》（工业和信息化部令第11号）的有关要求，开展所属网络和系统定级备案、符合性评测和风险评估等工作，及时向通信主管部门报备，按照有关政策和通信网络安全防护系列标准要求落实网络安全防护措施，保障网络和系统安全。",
    "七、你公司应当按照国家用户信息保护有关法律法规和《电信和互联网用户个人信息保护规定》（工业和信息化部令第24号）要求，开展用户信息保护工作，落实企业网络与信息安全主体责任，完善管理制度和技术手段，规范用户信息和网络数据采集、传输、存储、使用和销毁等行为，加强数据访问权限管理，防止用户信息和数据泄露。",
    "八、你公司应当按照电信主管部门要求，在发生大规模用户个人信息泄露事件、影响众多用户的服务中断事件等重大网络安全事件时，立即采取应急措施，控制影响范围，消除事件危害，并第一时间向电信主管部门报告，根据电信主管部门要求采取应急处置措施。",
    "九、你公司应当配合国家有关部门依法开展监督检查工作，按照法律法规要求或有关标准，做好用户日志留存、违法信息监测等工作，对发现的违法信息立即进行处置，保存有关记录，并在处置后的10个工作日内向电信主管部门上报。",
    "十、你公司应按照有关法律法规要求，为有关部门提供技术接口和解密等技术支持和协助。",
    "十一、你公司或者经你公司授权经营电信业务的子公司，遇有因合并或者分立、股东变化等导致经营主体需要变更的情形，或者业务范围需要变化的，应当自公司作出决定之日起30日内向原发证机关提出申请，经批准后方可实施。涉及新增外方股东或原有外方股东股权发生变更的情形，应当按照《外商投资电信企业管理规定》的有关规定执行。",
    "十二、你公司遇有工商登记的住所、注册资本、股东股权发生变更，或业务覆盖范围内负责当地业务经营、客户服务等事务的机构信息发生变化的情形，应当在变更之日起30日内在《电信业务市场综合管理信息系统》中更新相关信息。你公司经营许可证有效期届满需要继续经营的，应当提前90日向原发证机关提出延续经营许可证的申请；不再继续经营的，应当提前90日向原发证机关报告，并做好善后工作。",
    "十三、你公司如已持有省（自治区、直辖市）通信管理局颁发的电信业务经营许可证，且所载明的业务种类和相应的业务覆盖范围包含在跨地区电信业务经营许可证的范围内，应当在取得我部颁发的许可证后30日内，向相关省（自治区、直辖市）通信管理局办理许可证的注销或变更手续。",
    "十四、你公司应当在每年第一季度参加电信主管部门组织的经营许可证年报。",
    "十五、你公司在经营信息服务业务时应当遵守下列规定：",
    "（一）你公司应当按本经营许可证中载明的信息服务项目开展业务。你公司拟从事法律、行政法规和国务院文件规定的“互联网+”融合服务项目，或者按照《互联网信息服务管理办法》等相关法规要求应当前置审批或专项审批的项目，应当依法办理相关服务项目审批手续，经有关主管部门审核同意后，向我部办理经营许可证增项手续。",
    "（二）未经批准，你公司不得开展固定网电话信息服务业务。",
    "（三）你公司制作、复制、发布、传播《互联网信息服务管理办法》第十五条所列内容，不得提供虚假信息诱导、欺骗用户。",
    "（四）你公司发布信息服务业务广告时，应当公布你公司名称和经营许可证编号，且不得含有悖于社会良好风尚、损害人民群众尤其是青少年身心健康的内容。",
    "（五）你公司向用户收费应当做到准确、合理，不得向用户收取信息服务项目中明码标价外的任何其他费用。你公司若委托当地电信运营企业代收信息服务费，应当与其签订协议，明确双方权利、义务和违约责任，并采取措施避免引发收费纠纷。",
    "（六）你公司应当按照电信主管部门要求，配备相应数量的专职网络与信息安全管理人员，成立相应的网络与信息安全管理机构，并将相关信息向业务开展地电信主管部门报备，建立健全网络与信息安全保障制度，制定应急处置预案，做好网络与信息安全管理技术手段规范使用、日常管理及运行维护。",
    "（七）你公司应当按照电信主管部门要求或有关标准，具备网络与信息安全管理技术保障措施，并实现与网络和业务发展同步规划、同步建设、同步运行，确保网络与信息安全管理技术手段对运营网络和业务的全覆盖；提供面向公众发布的公共信息应使用技术手段和人工检查相结合的方式，进行违法信息监测和处置。",
    "（八）你公司应当按照电信主管部门要求或有关标准，建立互联网新技术新业务安全评估制度，在新技术、业务或应用上线（含合作推广、试点、商用等）时，在基础资源配置、技术实现方式、业务功能或用户规模等方面发生较大变化时，开展网络信息安全评估，积极防范网络信息安全风险，并在安全评估完成30日内向电信主管部门提交书面评估报告。",
    "（九）你公司应当按照电信主管部门要求，针对木马僵尸网络、移动恶意程序、网站仿冒等公共网络安全威胁，采取中断仿冒网站或恶意程序传播、控制服务器的接入服务等处置措施。",
    "（十）（适用于信息发布平台及递送服务）你公司提供信息发布平台和递送服务时，充分保障用户权益，不得强行推送、定制服务。",
    "（十一）（适用于信息发布平台及递送服务）你公司提供应用软件发布平台服务时，应当按照电信主管部门有关标准或要求建设应用软件网络与信息安全管理技术手段，落实对应用软件（含更新版本）的上架前检测和日常巡检措施，明示应用软件获取的用户终端权限及用途，留存历史版本、开发者等应用软件基本信息，对违法违规应用软件及时依法处理，建立黑名单管理制度和用户投诉举报机制，督促应用开发者落实安全责任。",
    "（十二）（适用于信息搜索查询服务）你公司提供信息搜索查询服务时，应当按照电信主管部门要求或有关标准，具备网络信息安全技术保障措施，不得向用户推送或推荐违法信息。",
    "（十三）（适用于信息社区平台服务）你公司提供信息社区平台服务时，对公众帐号和开放平台发布者做好资质审核备案，对违反国家相关法律法规或协议约定的，视情节采取警示、限制发布、暂停更新直至关闭账号等措施。你公司应依照有关法律规定，配合电信主管部门建立应急处置机制。",
    "（十四）（适用于信息即时交互服务）你公司提供信息即时交互服务时，对公众帐号和开放平台发布者做好资质审核备案，同时按照电信主管部门有关技术标准或要求，建立完善的应急处置机制和技术手段，制定重大突发情况下的应急处置预案。你公司不得通过公用通信网和互联网提供公共电话业务。",
]

TPL = {"A": TPL_A, "B": TPL_B, "C": TPL_C}

CN_DIGITS = "零一二三四五六七八九"


def cn_int(s):
    """一..九十九 → int."""
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + CN_DIGITS.index(s[1])
    if "十" in s:
        a, _, b = s.partition("十")
        return CN_DIGITS.index(a) * 10 + (CN_DIGITS.index(b) if b else 0)
    return CN_DIGITS.index(s)


def int_cn(n):
    if n < 10:
        return CN_DIGITS[n]
    if n == 10:
        return "十"
    if n < 20:
        return "十" + CN_DIGITS[n - 10]
    return CN_DIGITS[n // 10] + "十" + (CN_DIGITS[n % 10] if n % 10 else "")


def tpl_items(name, company):
    """The clauses of a template as [key, text]: pre, c1..c15, s1..s14 (B: s10b, s10c)."""
    items = []
    for i, t in enumerate(TPL[name]):
        if i == 0:
            items.append(["pre", t.format(company=company)])
            continue
        m = re.match(r"^([一二三四五六七八九十]+)、", t)
        if m:
            items.append(["c%d" % cn_int(m.group(1)), t])
            continue
        m = re.match(r"^（([一二三四五六七八九十]+)）", t)
        if m:
            items.append(["s%d" % cn_int(m.group(1)), t])
            continue
        items.append(["s10b" if "应用软件" in t else "s10c", t])
    return items


def item_text(name, key):
    return dict(tpl_items(name, "X"))[key]


# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------


def fmt_date(d, style, sep="-"):
    y, m, dd = d.year, d.month, d.day
    if style == "cn_pad":
        return f"{y}年{m:02d}月{dd:02d}日"
    if style == "cn_pad_sp":  # seeds 003/004: "2024年 01月 25日"
        return f"{y}年 {m:02d}月 {dd:02d}日"
    if style == "cn_sp_unpad":  # seed 002: "2023年 07月 1日"
        return f"{y}年 {m:02d}月 {dd}日"
    if style == "cn":
        return f"{y}年{m}月{dd}日"
    if style == "cn_spaced":  # seed 000: "2024 年 11 月 04 日"
        return f"{y} 年 {m:02d} 月 {dd:02d} 日"
    if style in ("cn_num", "cn_num0"):
        zero = "〇" if style == "cn_num" else "零"
        yy = "".join(zero if c == "0" else CN_DIGITS[int(c)] for c in str(y))
        return f"{yy}年{int_cn(m)}月{int_cn(dd)}日"
    if style == "iso":
        return f"{y}{sep}{m:02d}{sep}{dd:02d}"
    if style == "slash":
        return f"{y}/{m}/{dd}"
    if style == "dot":
        return f"{y}.{m:02d}.{dd:02d}"
    raise ValueError(style)


# ---------------------------------------------------------------------------------------------
# Bases: fictional licences, each consistent with domain.md
# ---------------------------------------------------------------------------------------------

ICP_SCOPE = [
    ["scope", "信息服务业务（仅限互联网信息服务）"],
    ["scope_excl", "不含信息搜索查询服务、信息即时交互服务。"],
    ["scope_note", "【依法须经批准的项目，经相关部门批准后方可开展相应经营活动】"],
]

BASES = {
    # provincial ICP, new licence, 5 years, template B, watermark (like seeds 000/004)
    "P1": dict(
        desc="provincial ICP 浙B2, new licence 2022-06-15 → 2027-06-15 (5 y, 2027−2022=5), template B, "
        "authority 浙江省通信管理局 printed, one website, watermark note",
        style="p",
        md=True,
        punct="full",
        template="B",
        number="浙B2-20220347",
        cross=False,
        company="杭州澜舟数智科技有限公司",
        rep="沈若岚",
        address="浙江省杭州市余杭区五常街道文一西路968号",
        coverage_name="浙江省",
        signer="周振华",
        scope=ICP_SCOPE,
        authority="浙江省通信管理局",
        issue=D(2022, 6, 15),
        expiry=D(2027, 6, 15),
        date_style="cn_pad_sp",
        sites=[
            [
                "澜舟数智",
                "lanzhou-shuzhi.cn",
                "浙江省杭州市余杭区五常街道文一西路968号云栖数据中心2号楼",
                "杭州云岫数据科技有限公司",
            ]
        ],
        watermark=["仅供澜舟数智平台资质审核使用", "有效期至2025年6月30日", "再次复印无效"],
        split=["c9", "保存有"],
        breaks=["s7"],
        as_of=D(2024, 10, 8),
    ),
    # provincial ICP, re-issued (after a change) keeping the original expiry, template A, 2 sites
    "P2": dict(
        desc="provincial ICP 粤B2-20200815 re-issued 2023-03-09, original expiry 2025-08-20 kept "
        "(2025−2020=5), template A, no 发证机关 line, two websites",
        style="p",
        md=True,
        punct="full",
        template="A",
        number="粤B2-20200815",
        cross=False,
        company="深圳鲸帆网络科技有限公司",
        rep="邓可欣",
        address="广东省深圳市南山区粤海街道科苑南路3099号",
        coverage_name="广东省",
        signer="陈国栋",
        scope=ICP_SCOPE,
        authority=None,
        issue=D(2023, 3, 9),
        expiry=D(2025, 8, 20),
        date_style="cn_sp_unpad",
        sites=[
            [
                "鲸帆",
                "jingfan.com.cn",
                "广东省深圳市南山区粤海街道科苑南路3099号数据中心4层",
                "深圳云桥通信技术有限公司",
            ],
            [
                "鲸帆开放平台",
                "jingfan-open.net",
                "广东省深圳市南山区粤海街道科苑南路3099号数据中心4层",
                "深圳云桥通信技术有限公司",
            ],
        ],
        watermark=None,
        split=["c8", "控制影响"],
        breaks=["s5", "s13"],
        as_of=D(2024, 6, 1),
    ),
    # cross-regional SP (不含互联网信息服务), ministry, re-issued keeping expiry, like seed 001
    "X1": dict(
        desc="cross-regional SP B2-20211234 (跨地区, 全国), re-issued 2023-05-18, original expiry 2026-09-30 "
        "kept (2026−2021=5), template A, half-width punctuation, dates under their labels (seed 001 layout)",
        style="x",
        md=False,
        punct="half",
        template="A",
        number="B2-20211234",
        cross=True,
        company="南京极光矩阵信息技术有限公司",
        rep="黄子墨",
        address="江苏省南京市建邺区江东中路359号",
        coverage_name="全国",
        signer="李振国",
        scope=[["scope", "信息服务业务（不含互联网信息服务）"]],
        coverage="全国",
        authority=None,
        issue=D(2023, 5, 18),
        expiry=D(2026, 9, 30),
        date_style="cn_pad",
        sites=None,
        watermark=None,
        split=["c8", "控制影响"],
        breaks=["s5", "s13"],
        as_of=D(2025, 1, 10),
    ),
    # legacy 京ICP证 number (first issued 2016), renewed 2021 for a new 5-year window, template C
    "L1": dict(
        desc="legacy 京ICP证160782号 (first issue 2016), renewed 2021-09-01 → 2026-09-01 (5 y, 2026−2016=10), "
        "template C (42号令 wording, issued after 2017-09-01), authority 北京市通信管理局, two websites (seed 002 layout)",
        style="l",
        md=False,
        punct="full",
        template="C",
        number="京ICP证160782号",
        cross=False,
        company="北京墨白文化传媒有限公司",
        rep="许清和",
        address="北京市海淀区中关村大街27号",
        coverage_name="北京市",
        signer="王立群",
        scope=[
            ["scope", "信息服务业务（仅限互联网信息服务）"],
            ["scope_excl", "不含信息搜索查询服务、信息即时交互服"],
            ["scope_excl2", "务。【依法须经批准的项目，经相关部门批"],
            ["scope_note", "准后方可开展相应经营活动】"],
        ],
        authority="北京市通信管理局",
        issue=D(2021, 9, 1),
        expiry=D(2026, 9, 1),
        date_style="cn_sp_unpad",
        sites=[
            [
                "墨白阅读",
                "mobai-read.com",
                "北京市海淀区北四环西路58号数据中心3层",
                "北京星桥数据科技有限公司",
            ],
            [
                "墨白文化",
                "mobaiwenhua.cn",
                "北京市海淀区北四环西路58号数据中心3层",
                "北京星桥数据科技有限公司",
            ],
        ],
        watermark=None,
        split=None,
        breaks=["c9", "s5", "s14"],
        as_of=D(2025, 2, 14),
    ),
    # multi-category cross-regional B1.B2 (IDC, CDN = B1; EDI, SP = B2), ministry, new, template C
    "M1": dict(
        desc="cross-regional B1.B2-20230145 (B11 IDC, B12 CDN; B21 EDI, B25 不含互联网信息服务; 全国), "
        "new 2023-04-12 → 2028-04-12, template C, authority 中华人民共和国工业和信息化部",
        style="p",
        md=False,
        punct="full",
        template="C",
        number="B1.B2-20230145",
        cross=True,
        company="上海云衡数据服务有限公司",
        rep="陆承泽",
        address="上海市浦东新区张江路665号",
        coverage_name="全国",
        signer="赵立新",
        scope=[
            ["scope", "第一类增值电信业务中的互联网数据中心业务、内容分发网络业务；"],
            [
                "scope2",
                "第二类增值电信业务中的在线数据处理与交易处理业务、信息服务业务（不含互联网信息服务）",
            ],
            ["coverage", "业务覆盖范围：全国"],
        ],
        authority="中华人民共和国工业和信息化部",
        issue=D(2023, 4, 12),
        expiry=D(2028, 4, 12),
        date_style="cn_pad",
        sites=None,
        watermark=None,
        split=["c9", "保存有"],
        breaks=["s5", "s12"],
        as_of=D(2025, 6, 1),
    ),
    # provincial multi-category B1.B2 (B14 ISP + ICP), issued before 42号令 took force, template A
    "P3": dict(
        desc="provincial 苏B1.B2-20170412 (B14 互联网接入 + B25 ICP, 江苏省), new 2017-05-22 → 2022-05-22, "
        "template A (5号令 wording, issued before 2017-09-01), authority 江苏省通信管理局, one website",
        style="p",
        md=False,
        punct="full",
        template="A",
        number="苏B1.B2-20170412",
        cross=False,
        company="无锡千帆互联网络有限公司",
        rep="钱一鸣",
        address="江苏省无锡市新吴区长江路21号",
        coverage_name="江苏省",
        signer="孙建华",
        scope=[
            ["scope", "第一类增值电信业务中的互联网接入服务业务；"],
            ["scope2", "第二类增值电信业务中的信息服务业务（仅限互联网信息服务）"],
            ["scope_excl", "不含信息搜索查询服务、信息即时交互服务。"],
            ["coverage", "业务覆盖范围：江苏省"],
        ],
        authority="江苏省通信管理局",
        issue=D(2017, 5, 22),
        expiry=D(2022, 5, 22),
        date_style="cn_pad",
        sites=[
            [
                "千帆互联",
                "qianfan-wx.cn",
                "江苏省无锡市新吴区清源路18号太湖云谷数据中心",
                "江苏云脉数据科技有限公司",
            ]
        ],
        watermark=None,
        split=["c8", "控制影响"],
        breaks=["s5", "s13"],
        as_of=D(2019, 3, 1),
    ),
    # historic cross-regional SP of 2007 (信息产业部, 2003 catalogue), front page only
    "H1": dict(
        desc="cross-regional SP B2-20070123 issued 2007-03-16 → 2012-03-16 by 中华人民共和国信息产业部 "
        "(before MIIT existed), pre-2016 scope wording, front page only (no 特别规定事项)",
        style="x",
        md=False,
        punct="half",
        template=None,
        number="B2-20070123",
        cross=True,
        company="北京华讯天成信息技术有限公司",
        rep="赵启明",
        address="北京市西城区金融大街15号",
        coverage_name="全国",
        signer="刘志强",
        scope=[["scope", "信息服务业务（不含固定网电话信息服务和互联网信息服务）"]],
        coverage="全国",
        authority="中华人民共和国信息产业部",
        issue=D(2007, 3, 16),
        expiry=D(2012, 3, 16),
        date_style="cn_pad",
        sites=None,
        watermark=None,
        split=None,
        breaks=[],
        as_of=D(2009, 6, 1),
    ),
}

PREAMBLE_LAW = "根据《中华人民共和国电信条例》及国家有关规定"

HALF = str.maketrans({"，": ",", "（": "(", "）": ")", "：": ":", "；": ";"})


# ---------------------------------------------------------------------------------------------
# Rendering a base into lines: a list of [key, text]; a key may carry aliases "a|b"
# ---------------------------------------------------------------------------------------------


def build(b):
    L = []

    def add(k, t=""):
        L.append([k, t])

    def blank(n=1):
        for _ in range(n):
            add(None, "")

    md = b.get("md")
    co = "：" if b["punct"] == "full" else ":"
    num = b["number"]
    company = b["company"]
    layout = b.get("layout", "std")
    sep = b.get("date_sep", "-")

    def date(d):
        return fmt_date(d, b["date_style"], sep)

    ts = "  " if md else ""  # markdown hard line break, as in seeds 003/004
    blank(2)
    add("title", ("# " if md else "") + "中华人民共和国 增值电信业务经营许可证")
    blank()
    add("number", f"经营许可证编号{co}{num}")
    blank()
    law = b.get("preamble_law", PREAMBLE_LAW)
    cross = b.get("preamble_cross", b["cross"])
    add(
        "preamble",
        f"{law}，经审查，准许你公司按照本经营许可证（正文和附件）载明的内容经营增值电信业务，"
        f"特颁发{'跨地区' if cross else ''}增值电信业务经营许可证。",
    )
    blank()

    scope = [list(x) for x in b["scope"]]
    auth = b.get("authority")
    # ---------------- front page fields ----------------
    if layout == "std":
        add("company", f"公司名称{co}{company}")
        blank()
        add("rep", f"法定代表人{co}{b['rep']}")
        blank()
        if b["style"] == "p":
            add("scope_l1", "业务种类" + ts)
            add("scope_l2", "(服务项目)" + ts)
            for i, (k, t) in enumerate(scope):
                last = i == len(scope) - 1
                add(k, (f"及覆盖范围{co}" if i == 0 else "") + t + ("" if last else ts))
            blank(3)
        elif b["style"] == "l":
            add("scope_l1", "业务种类")
            add("scope_l2", "(服务项目)")
            add("scope_l3", f"及覆盖范围{co}")
            for k, t in scope:
                add(k, t)
            blank(3)
        elif b["style"] == "x":
            add(scope[0][0], f"业务种类{co}{scope[0][1]}")
            add("coverage", f"(服务项目){b['coverage']}")
            add("scope_l3", f"及覆盖范围{co}")
            for k, t in scope[1:]:
                add(k, t)
            blank(3)
        if auth is not None:
            add("authority", f"发证机关(盖章){co}{auth}")
            blank(3 if b["style"] != "x" else 2)
        if b.get("seal"):
            add("seal", b["seal"])
            blank(2)
        if b["style"] == "x":
            add("issue_label", f"发证日期{co}")
            blank()
            add("issue", date(b["issue"]))
            blank()
            add("expiry_label", f"有效期至{co}")
            blank()
            add("expiry", date(b["expiry"]))
            blank()
        else:
            add("issue", f"发证日期{co}{date(b['issue'])}")
            blank()
            add("expiry", f"有效期至{co}{date(b['expiry'])}")
            blank()
    else:
        fields = [
            ("company", "公司名称", [["company", company]]),
            ("rep", "法定代表人", [["rep", b["rep"]]]),
            (
                "scope",
                "业务种类（服务项目）及覆盖范围",
                scope + ([["coverage", b["coverage"]]] if b["style"] == "x" else []),
            ),
        ]
        if auth is not None:
            fields.append(("authority", "发证机关（盖章）", [["authority", auth]]))
        fields += [
            ("issue", "发证日期", [["issue", date(b["issue"])]]),
            ("expiry", "有效期至", [["expiry", date(b["expiry"])]]),
        ]
        if layout == "twocol":  # labels in one block, values in another (PDF column extraction)
            for fk, lab, _ in fields:
                add("lab_" + fk, lab + co)
            blank()
            for fk, lab, vals in fields:
                for k, t in vals:
                    add(k, t)
            blank()
        elif layout == "after":  # each value printed before its label
            for fk, lab, vals in fields:
                for k, t in vals:
                    add(k, t)
                add("lab_" + fk, lab + co)
                blank()
        elif layout == "mdtable":
            add(None, "| 项目 | 内容 |")
            add(None, "| --- | --- |")
            for fk, lab, vals in fields:
                keys = "|".join(k for k, _ in vals)
                add(keys, f"| {lab} | " + "<br>".join(t for _, t in vals) + " |")
            blank()
        elif layout == "htmltable":
            add(None, "<table>")
            for fk, lab, vals in fields:
                keys = "|".join(k for k, _ in vals)
                add(
                    keys,
                    f"<tr><td>{lab}</td><td>" + "<br/>".join(t for _, t in vals) + "</td></tr>",
                )
            add(None, "</table>")
            blank()
        elif layout == "old":  # field labels of 19号令 (注册住所, 业务覆盖范围, 有效期限, 签发人)
            add("company", f"公司名称{co}{company}")
            add("address", f"注册住所{co}{b['address']}")
            add("rep", f"法定代表人{co}{b['rep']}")
            sc = [x for x in scope if x[0] != "coverage"]
            add(sc[0][0], f"业务种类{co}{sc[0][1]}")
            for k, t in sc[1:]:
                add(k, t)
            add("coverage", f"业务覆盖范围{co}{b['coverage_name']}")
            add("expiry", f"有效期限{co}{date(b['issue'])}至{date(b['expiry'])}")
            if auth is not None:
                add("authority", f"发证机关{co}{auth}")
            add("signer", f"签发人{co}{b['signer']}")
            add("issue", f"发证日期{co}{date(b['issue'])}")
            blank()
        else:
            raise ValueError(layout)
    if b.get("stamp"):
        add("stamp", b["stamp"])
        blank()

    # ---------------- attachment (附页) ----------------
    pg = 1
    add("pnum1", f"经营许可证编号{co}{num}")
    blank()
    sites = b.get("sites")
    if sites:
        add("att_title", ("## " if md else "") + "中华人民共和国增值电信业务经营许可证（附页）")
        blank()
        add("att_head", f"{company}获准经营信息服务业务（仅限互联网信息服务）相关信息")
        blank()
        if b.get("sites_table"):
            add(None, "| 网站名称 | 网站域名 | 服务器放置地 | 网站接入服务提供单位 |")
            add(None, "| --- | --- | --- | --- |")
            for i, (n, d, s, a) in enumerate(sites, 1):
                add(
                    f"site{i}.name|site{i}.domain|site{i}.server|site{i}.access",
                    f"| {n} | {d} | {s} | {a} |",
                )
            blank()
        else:
            for i, (n, d, s, a) in enumerate(sites, 1):
                add(f"site{i}.name", f"网站名称：{n}")
                blank()
                add(f"site{i}.domain", f"网站域名：{d}")
                blank()
                add(f"site{i}.server", f"服务器放置地：{s}")
                blank()
                add(f"site{i}.access", f"网站接入服务提供单位：{a}")
                blank()
        if b.get("watermark"):
            blank()
            w = b["watermark"]
            for j, t in enumerate(w, 1):
                add(f"wmk{j}", t + (ts if j < len(w) else ""))
            blank(2)
        pg = 2
        add("pnum2", f"经营许可证编号{co}{num}")
        blank()

    # ---------------- special provisions ----------------
    if b.get("template"):
        add("spec_title", ("## " if md else "") + "特别规定事项")
        blank()
        items = tpl_items(b["template"], company)
        if b.get("items"):
            items = b["items"](items)
        split = b.get("split")

        def header():
            nonlocal pg
            pg += 1
            blank()
            add(f"pnum{pg}", f"经营许可证编号{co}{num}")
            blank()
            add(f"spec_title{pg}", ("## " if md else "") + "特别规定事项")
            blank()

        for k, t in items:
            if split and k == split[0] and split[1] in t:
                i = t.index(split[1]) + len(split[1])
                add(k, t[:i])
                header()
                add(k + "b", t[i:])
                blank()
                continue
            if k in b.get("breaks", []):
                header()
            add(k, t)
            blank()
    while L and not L[-1][1]:
        L.pop()
    if b["punct"] == "half":
        L = [[k, t.translate(HALF)] for k, t in L]
    return L


def find(L, key):
    for i, (k, t) in enumerate(L):
        if k and key in k.split("|"):
            return i
    raise KeyError(key)


def edit(L, key, old, new):
    i = find(L, key)
    assert old in L[i][1], (key, old, L[i][1])
    L[i][1] = L[i][1].replace(old, new, 1)
    return L


def keys_like(L, prefixes):
    return [
        i
        for i, (k, _) in enumerate(L)
        if k and any(kk.startswith(p) for kk in k.split("|") for p in prefixes)
    ]


NUMBER_KEYS = ("number", "pnum")
DATE_KEYS = ("issue", "expiry")


# ---------------------------------------------------------------------------------------------
# Surfaces: transformations of the lines that leave the meaning unchanged
# ---------------------------------------------------------------------------------------------


def _checked_map(mp, form):
    for a, b in mp.items():
        assert unicodedata.normalize(form, b) == a, (a, hex(ord(b)))
    return str.maketrans(mp)


KANGXI = _checked_map(
    {
        "日": "\u2f47",
        "月": "\u2f49",
        "工": "\u2f2f",
        "用": "\u2f64",
        "方": "\u2f45",
        "人": "\u2f08",
        "行": "\u2f8f",
        "生": "\u2f63",
        "立": "\u2f74",
        "一": "\u2f00",
        "十": "\u2f17",
        "二": "\u2f06",
        "八": "\u2f0b",
        "网": "\u2f79",
    },
    "NFKC",
)
COMPAT = _checked_map(
    {
        "年": "\uf98e",
        "不": "\uf967",
        "六": "\uf9d1",
        "理": "\uf9e4",
        "行": "\ufa08",
        "利": "\uf9dd",
        "量": "\uf97e",
        "更": "\uf901",
        "全": "\ufa72",
        "立": "\uf9f7",
        "律": "\uf9d8",
        "例": "\uf9b5",
    },
    "NFC",
)


def fw(s, chars=None):
    """ASCII letters, digits, '-' and '.' → full width (NFKC-equivalent)."""
    out = []
    for c in s:
        if (c.isascii() and c.isalnum()) or c in "-.":
            out.append(chr(ord(c) + 0xFEE0))
        else:
            out.append(c)
    return "".join(out)


def s_map(table):
    def f(L):
        return [[k, t.translate(table)] for k, t in L]

    return f


def s_fullwidth_numbers_dates(L):
    for i in keys_like(L, NUMBER_KEYS + DATE_KEYS + ("wmk2",)):
        L[i][1] = fw(L[i][1])
    return L


def s_fullwidth_domains(L):
    for i in keys_like(L, ("site",)):
        k = L[i][0]
        if ".domain" in k:
            lab, _, v = L[i][1].partition("：")
            L[i][1] = lab + "：" + fw(v)
    return L


def s_paren_ideographs(L):
    for i in keys_like(L, ("s",)):
        t = L[i][1]
        m = re.match(r"^[（(]([一二三四五六七八九十])[）)]", t)
        if m and L[i][0][0] == "s" and L[i][0][1:].isdigit():
            n = cn_int(m.group(1))
            L[i][1] = chr(0x3220 + n - 1) + t[m.end() :]
    return L


def s_dash(ch, domains=False):
    def f(L):
        for i in keys_like(L, NUMBER_KEYS):
            L[i][1] = L[i][1].replace("-", ch)
        if domains:
            for i in keys_like(L, ("site",)):
                if ".domain" in L[i][0]:
                    L[i][1] = L[i][1].replace("-", ch)
        return L

    return f


def s_soft_hyphen(L):
    for i in keys_like(L, NUMBER_KEYS):
        L[i][1] = re.sub(r"(-\d{4})(\d{4})", "\\1\u00ad\\2", L[i][1])
    for i in keys_like(L, ("site",)):
        if ".domain" in L[i][0]:
            L[i][1] = re.sub(r"：(\w{4})(\w)", "：\\1\u00ad\\2", L[i][1])
    return L


def s_spaces(ch):
    """a space character after the province, after the labels' colon and inside the dates."""

    def f(L):
        for i in keys_like(L, NUMBER_KEYS):
            L[i][1] = re.sub(
                r"([：:])\s*([\u4e00-\u9fff])", "\\1" + ch + "\\2" + ch, L[i][1], count=1
            )
        for i in keys_like(L, DATE_KEYS):
            t = L[i][1].replace(" ", ch)
            t = re.sub(r"([年月])(?=\d)", "\\1" + ch, t)
            L[i][1] = t
        for i in keys_like(L, ("company", "rep")):
            L[i][1] = re.sub(r"^([^：:]+[：:])", "\\1" + ch, L[i][1])
        return L

    return f


def s_quotes(o, c):
    def f(L):
        i = find(L, "s1")
        L[i][1] = L[i][1].replace("“", o).replace("”", c)
        return L

    return f


def s_linenums(L):
    return [[k, f"{n:6}\t{t}"] for n, (k, t) in enumerate(L, 1)]


def s_email_quote(header):
    def f(L):
        return [[None, header]] + [[k, "> " + t if t else ">"] for k, t in L]

    return f


def s_md_quote(L):
    return [[k, "> " + t if t else ">"] for k, t in L]


def s_prepend(lines):
    def f(L):
        return [[None, x] for x in lines] + L

    return f


def s_chat(L):
    out = [[None, "张三 10:42"], [None, "这是我们的经营许可证，请查收"]]
    marks = {"att_title": "张三 10:42", "spec_title": "张三 10:43"}
    for k, t in L:
        if k in marks:
            out += [[None, ""], [None, marks[k]]]
        if k and re.fullmatch(r"pnum[3-9]", k):
            out += [[None, "张三 10:43"]]
        out.append([k, t])
    out += [[None, ""], [None, "李四 10:45"], [None, "收到，我们审核一下。"]]
    return out


LABEL_RE = re.compile(
    r"^(公司名称|法定代表人|发证日期|有效期至|经营许可证编号|网站名称|网站域名|服务器放置地|网站接入服务提供单位|发证机关\(盖章\))([：:])"
)


def s_md_bold(L):
    out = []
    for k, t in L:
        t = LABEL_RE.sub(r"**\1\2**", t)
        if k and re.fullmatch(r"c\d+", k):
            t = re.sub(r"^([一二三四五六七八九十]+、)", r"**\1**", t)
        if k and re.fullmatch(r"s\d+", k):
            t = re.sub(r"^(（[一二三四五六七八九十]+）)", r"**\1**", t)
        out.append([k, t])
    return out


def s_setext(L):
    out = []
    for k, t in L:
        if k in ("title", "att_title") or (k and k.startswith("spec_title")):
            t = t.lstrip("# ")
            out.append([k, t])
            out.append([None, ("=" if k == "title" else "-") * 12])
        else:
            out.append([k, t])
    return out


def s_md_list(L):
    out = []
    for k, t in L:
        if k and re.fullmatch(r"c\d+b?", k) and not k.endswith("b"):
            t = "- " + t
        elif k and re.fullmatch(r"s\d+", k):
            t = "    - " + t
        elif k in ("s10b", "s10c") or (k and re.fullmatch(r"[cs]\d+b", k)):
            t = "      " + t
        elif k and k.startswith("site"):
            t = "- " + t
        out.append([k, t])
    return out


def s_pandoc(L):
    """Word → markdown with pandoc: bookmark anchor, seal image with size, hard breaks, bold title."""
    out = []
    scope_keys = [k for k, _ in L if k and (k.startswith("scope") or k == "coverage")]
    for k, t in L:
        if k == "title":
            t = "[]{#_GoBack .anchor}" + t.lstrip("# ")
        if k in scope_keys[:-1]:
            t = t.rstrip() + "\\"
        if k == "att_title":
            t = "**" + t.lstrip("# ") + "**"
        out.append([k, t])
        if k == "authority":
            out += [
                [None, ""],
                [
                    None,
                    '![](media/image1.png){width="1.5748031496062993in" height="1.5748031496062993in"}',
                ],
            ]
    return out


def s_pdf2md(L):
    """PDF → markdown converter: page comments, extracted images, horizontal rules."""
    out = [[None, "<!-- page 1 -->"], [None, ""]]
    page = 1
    for k, t in L:
        if k == "att_title" or (k and re.fullmatch(r"pnum([2-9]|1\d)", k)):
            page += 1
            out += [[None, ""], [None, "---"], [None, ""], [None, f"<!-- page {page} -->"], [None, ""]]
        if k == "wmk1":
            out += [[None, "![](media/image2.png)"], [None, ""]]
        out.append([k, t])
        if k == "authority":
            out += [[None, ""], [None, "![](media/image1.png)"]]
    return out


def s_html(L):
    out = [
        [None, "<!DOCTYPE html>"],
        [None, '<html><head><meta charset="utf-8"><title>资质文件</title></head>'],
        [None, "<body>"],
    ]
    for k, t in L:
        if not t.strip():
            continue
        if t.startswith("<"):
            out.append([k, t])
            continue
        t = t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        t = t.lstrip("# ").rstrip()
        if (k and k.split("|")[0] in NUMBER_KEYS) or (k and k.startswith("pnum")):
            t = re.sub(
                r"([：:])\s*([\u4e00-\u9fff])",
                lambda m: "&#xFF1A;&nbsp;&#x%X;" % ord(m.group(2)),
                t,
                count=1,
            )
        if k in ("company", "rep"):
            t = re.sub(r"^([^：:]+)[：:]", r"<b>\1：</b>&nbsp;", t)
        if k in DATE_KEYS:
            t = t.replace("年", "&#24180;").replace(" ", "&nbsp;")
        t = t.replace("“", "&ldquo;").replace("”", "&rdquo;")
        if k == "c6":
            t = t.replace("《", "&#12298;").replace("》", "&#12299;")
        if k == "title":
            t = f"<h1>{t}</h1>"
        elif k in ("att_title",) or (k and k.startswith("spec_title")):
            t = f"<h2>{t}</h2>"
        elif k and (k.startswith("scope") or k == "coverage"):
            t = f"<p>{t}<br></p>"
        elif k == "authority":
            t = f'<p>{t} <img src="seal.png" alt="公章"></p>'
        else:
            t = f"<p>{t}</p>"
        out.append([k, t])
    out.append([None, "</body></html>"])
    return out


def s_wrap(L):
    """Values wrapped across two lines inside a field (narrow scan / OCR line breaks)."""
    out = []
    for k, t in L:
        if k == "company":
            a, b = t[:-4], t[-4:]
            out += [[k, a], [None, b]]
        elif k == "scope" and "仅限互联网信息服务" in t:
            i = t.index("仅限互") + 3
            out += [[k, t[:i]], [None, t[i:]]]
        elif k == "att_head":
            i = t.index("（仅") + 2
            out += [[k, t[:i]], [None, t[i:]]]
        elif k and k.endswith(".server") and len(t) > 24:
            out += [[k, t[:24]], [None, t[24:]]]
        else:
            out.append([k, t])
    return out


# ---------------------------------------------------------------------------------------------
# The set
# ---------------------------------------------------------------------------------------------


def mk(base, over=None, post=(), layout=None):
    b = dict(BASES[base])
    b.update(over or {})
    if layout:
        b["layout"] = layout
    L = build(b)
    for f in post:
        L = f(L)
    return b, L


HARMLESS = []  # (id, family, base, what, over, post)
FORGED = []  # (id, family, base, defect, over, edits, defect_key, post)


def H(id_, family, base, what, over=None, post=()):
    HARMLESS.append((id_, family, base, what, over or {}, list(post)))


def F(id_, family, base, defect, key, over=None, edits=(), post=()):
    FORGED.append((id_, family, base, defect, over or {}, list(edits), key, list(post)))


def E(key, old, new):
    return lambda L: edit(L, key, old, new)


# ---- harmless: the bases themselves ----
for _b in BASES:
    H(f"plain_{_b}", "plain", _b, "the base as typed: " + BASES[_b]["desc"])

# ---- harmless: Unicode forms ----
H(
    "uni_kangxi",
    "unicode",
    "P1",
    "Kangxi radicals (U+2F00 block, NFKC-equal) for 日 月 工 用 方 人 行 生 立 一 十 二 八 网, "
    "as a PDF font without a proper ToUnicode map yields them — also in clause numbers (⼗⼀、)",
    post=[s_map(KANGXI)],
)
H(
    "uni_compat",
    "unicode",
    "L1",
    "CJK compatibility ideographs (U+F900 block, canonical singletons of 年 不 六 理 行 利 量 更 全 立 律 例), "
    "as Korean-origin fonts extract",
    post=[s_map(COMPAT)],
)
H(
    "uni_fw_numbers",
    "unicode",
    "P2",
    "full-width letters and digits (and －) in the licence number, page headers and dates",
    post=[s_fullwidth_numbers_dates],
)
H(
    "uni_fw_domains",
    "unicode",
    "P3",
    "full-width domain (ｑｉａｎｆａｎ－ｗｘ．ｃｎ)",
    post=[s_fullwidth_domains],
)
H(
    "uni_paren",
    "unicode",
    "M1",
    "parenthesized ideographs ㈠..㈩ (U+3220, NFKC → (一)) as sub-item numbers",
    post=[s_paren_ideographs],
)
H(
    "uni_fw_x",
    "unicode",
    "X1",
    "full-width digits in number and dates of a half-width copy",
    post=[s_fullwidth_numbers_dates],
)

# ---- harmless: HTML ----
H(
    "html_entities",
    "html",
    "P2",
    "HTML page: <p>/<h1>/<b>/<img>, &#x7CA4; for the province, &#xFF1A; &nbsp; &ldquo; &#24180; entities",
    post=[s_html],
)
H(
    "html_table",
    "html",
    "L1",
    "HTML with the front-page fields in a <table> (values joined by <br/>)",
    over={"layout": "htmltable"},
    post=[s_html],
)

# ---- harmless: markdown flavours ----
H(
    "md_table",
    "markdown",
    "P1",
    "front-page fields in a markdown table (| 项目 | 内容 |, scope joined by <br>)",
    over={"layout": "mdtable"},
)
H(
    "md_sites_table",
    "markdown",
    "L1",
    "websites of the attachment in a markdown table",
    over={"sites_table": True},
)
H(
    "md_blockquote",
    "markdown",
    "X1",
    "the whole copy in a markdown blockquote (> )",
    post=[s_md_quote],
)
H(
    "md_bold",
    "markdown",
    "P3",
    "bold labels (**公司名称：**) and bold clause numbers (**一、**)",
    post=[s_md_bold],
)
H("md_setext", "markdown", "M1", "setext headings (===, ---) for the titles", post=[s_setext])
H(
    "md_lists",
    "markdown",
    "P2",
    "clauses as a bullet list, sub-items as a nested list, site fields as list items",
    post=[s_md_list],
)

# ---- harmless: document converters ----
H(
    "conv_pandoc",
    "converter",
    "L1",
    "pandoc from .docx: bookmark anchor []{#_GoBack .anchor}, seal image with width/height, "
    "backslash hard breaks in the scope, bold attachment title",
    post=[s_pandoc],
)
H(
    "conv_pdf2md",
    "converter",
    "P1",
    "PDF → markdown: <!-- page N --> comments, --- rules, ![](media/image1.png) images",
    post=[s_pdf2md],
)

# ---- harmless: dashes, spaces, quotes ----
H(
    "dash_en",
    "dash_space",
    "P1",
    "en dash U+2013 in the number and in ISO dates (2022–06–15)",
    over={"date_style": "iso", "date_sep": "\u2013"},
    post=[s_dash("\u2013")],
)
H(
    "dash_minus",
    "dash_space",
    "X1",
    "minus sign U+2212 in the number and in ISO dates",
    over={"date_style": "iso", "date_sep": "\u2212"},
    post=[s_dash("\u2212")],
)
H(
    "dash_nbhyphen",
    "dash_space",
    "P1",
    "non-breaking hyphen U+2011 in the number and the domain (Word)",
    post=[s_dash("\u2011", domains=True)],
)
H(
    "dash_soft",
    "dash_space",
    "P2",
    "soft hyphen U+00AD inside the number's digits and inside the domains (Word optional hyphen)",
    post=[s_soft_hyphen],
)
H(
    "dash_fw_em",
    "dash_space",
    "M1",
    "full-width hyphen U+FF0D in the number and page headers, em dash U+2014 in ISO dates",
    over={"date_style": "iso", "date_sep": "\u2014"},
    post=[s_dash("\uff0d")],
)
H(
    "space_nbsp",
    "dash_space",
    "L1",
    "NBSP U+00A0 after the labels, after the province (京 ICP证) and inside the dates",
    post=[s_spaces("\u00a0")],
)
H(
    "space_ideo",
    "dash_space",
    "P3",
    "ideographic space U+3000 after the labels, after the province and inside the dates",
    post=[s_spaces("\u3000")],
)
H(
    "space_thin",
    "dash_space",
    "P2",
    "thin space U+2009 after the province and inside the dates",
    post=[s_spaces("\u2009")],
)
H(
    "quote_straight",
    "dash_space",
    "M1",
    'straight quotes "互联网+" in (一)',
    post=[s_quotes('"', '"')],
)
H(
    "quote_corner",
    "dash_space",
    "X1",
    "corner brackets 「互联网+」 in (一)",
    post=[s_quotes("「", "」")],
)

# ---- harmless: transport (viewers, mail, chat) ----
H(
    "tr_linenums",
    "transport",
    "P2",
    "line numbers added by a viewer (cat -n style)",
    post=[s_linenums],
)
H(
    "tr_email_quote",
    "transport",
    "P1",
    "quoted in an e-mail reply (> ) under an attribution line with a date",
    post=[
        s_email_quote("在 2024年10月8日 周二 09:15，沈若岚 <shen.ruolan@lanzhou-shuzhi.cn> 写道：")
    ],
)
H(
    "tr_chat",
    "transport",
    "L1",
    "pasted from a chat app: sender/time headers (张三 10:42) around the parts, a reply after",
    post=[s_chat],
)
H(
    "tr_email_headers",
    "transport",
    "M1",
    "e-mail headers (From/To/Subject/Date) above the text",
    post=[
        s_prepend(
            [
                "From: 陆承泽 <lu.chengze@yunheng-data.com>",
                "To: 资质审核 <zizhi@shenhe-pingtai.cn>",
                "Subject: 转发: 增值电信业务经营许可证 B1.B2-20230145",
                "Date: Mon, 19 May 2025 10:12:33 +0800",
                "Content-Type: text/plain; charset=utf-8",
                "",
            ]
        )
    ],
)
H(
    "tr_crlf_bom",
    "transport",
    "X1",
    "saved on Windows: UTF-8 BOM and CRLF line ends",
    over={"_eol": "\r\n", "_bom": True},
)

# ---- harmless: layout ----
H(
    "lay_wrap",
    "layout",
    "P1",
    "values wrapped across two lines inside a field (company, scope, attachment heading, address)",
    post=[s_wrap],
)
H(
    "lay_twocol",
    "layout",
    "P2",
    "two-column extraction: the labels in one block, the values in another",
    over={"layout": "twocol"},
)
H("lay_after", "layout", "L1", "each value printed before its label", over={"layout": "after"})
H(
    "lay_oldlabels",
    "layout",
    "P3",
    "field labels of the older template (注册住所, 业务覆盖范围, 有效期限 X至Y, 签发人)",
    over={"layout": "old"},
)
H(
    "lay_oldlabels_2007",
    "layout",
    "H1",
    "older labels on the 2007 licence (注册住所, 业务覆盖范围, 有效期限, 签发人)",
    over={"layout": "old"},
)

# ---- harmless: date forms ----
H("date_cn", "dates", "P1", "dates as 2022年6月15日", over={"date_style": "cn"})
H("date_cn_pad", "dates", "P1", "dates as 2022年06月15日", over={"date_style": "cn_pad"})
H(
    "date_cn_num",
    "dates",
    "P2",
    "dates in Chinese numerals 二〇二三年三月九日",
    over={"date_style": "cn_num"},
)
H(
    "date_cn_num0",
    "dates",
    "L1",
    "dates in Chinese numerals with 零 (二零二一年九月一日)",
    over={"date_style": "cn_num0"},
)
H("date_iso", "dates", "L1", "dates as 2021-09-01", over={"date_style": "iso"})
H("date_slash", "dates", "M1", "dates as 2023/4/12", over={"date_style": "slash"})
H("date_dot", "dates", "X1", "dates as 2023.05.18", over={"date_style": "dot"})
H(
    "date_spaced",
    "dates",
    "P3",
    "dates as 2017 年 05 月 22 日 (seed 000 style)",
    over={"date_style": "cn_spaced"},
)

# ---- harmless: valid changes of meaning ----
H(
    "mean_renewal",
    "meaning",
    "P2",
    "renewal: new 5-year window 2025-08-01 → 2030-08-01 (2030−2020=10), checked 2025-10-01",
    over={"issue": D(2025, 8, 1), "expiry": D(2030, 8, 1), "as_of": D(2025, 10, 1)},
)
H(
    "mean_rename",
    "meaning",
    "P1",
    "re-issue after a change of name (杭州澜舟智能科技有限公司 on every page), issued 2024-02-20, "
    "original expiry 2027-06-15 kept",
    over={"company": "杭州澜舟智能科技有限公司", "issue": D(2024, 2, 20)},
)
H(
    "mean_catalogue2003",
    "meaning",
    "H1",
    "2007 number B1-20070456 for 在线数据处理与交易处理业务、国内多方通信服务业务: "
    "第一类 under the 2003 catalogue in force in 2007 (both are B2 since 2016)",
    over={
        "number": "B1-20070456",
        "scope": [["scope", "在线数据处理与交易处理业务、国内多方通信服务业务"]],
    },
)
H(
    "mean_self_access_isp",
    "meaning",
    "P3",
    "the holder names itself as 网站接入服务提供单位 — it holds B14 互联网接入服务 on this licence",
    over={
        "sites": [
            [
                "千帆互联",
                "qianfan-wx.cn",
                "江苏省无锡市新吴区清源路18号太湖云谷数据中心",
                "无锡千帆互联网络有限公司",
            ]
        ]
    },
)
H(
    "mean_seal",
    "meaning",
    "P2",
    "the seal's text read by OCR, matching the prefix: （盖章：广东省通信管理局）",
    over={"seal": "（盖章：广东省通信管理局）"},
)
H(
    "mean_copy_stamp",
    "meaning",
    "P2",
    "a copy-certification stamp dated after the issue date and before as-of",
    over={"stamp": "本复印件与原件核对一致（加盖公章）  核对日期：2024年05月20日"},
)
H(
    "mean_server_elsewhere",
    "meaning",
    "P1",
    "server placed in another province than the licence's (seed 000 does this; C13)",
    over={
        "sites": [
            [
                "澜舟数智",
                "lanzhou-shuzhi.cn",
                "北京市大兴区经济技术开发区科创十街15号数据中心B栋",
                "杭州云岫数据科技有限公司",
            ]
        ]
    },
)

# ---- harmless: combinations ----
H(
    "combo_html_fw_nbsp",
    "combo",
    "L1",
    "HTML entities + full-width digits + NBSP",
    post=[s_spaces("\u00a0"), s_fullwidth_numbers_dates, s_html],
)
H(
    "combo_quote_linenums",
    "combo",
    "P3",
    "e-mail quote, then line numbers of a viewer",
    post=[
        s_email_quote("On Fri, Mar 1, 2019 at 9:30 AM 钱一鸣 <qian.yiming@qianfan-wx.cn> wrote:"),
        s_linenums,
    ],
)
H(
    "combo_chat_kangxi_dash",
    "combo",
    "X1",
    "chat headers + Kangxi radicals + en dash number + 2023/5/18 dates",
    over={"date_style": "slash"},
    post=[s_dash("\u2013"), s_map(KANGXI), s_chat],
)
H(
    "combo_pdf_table_ideo",
    "combo",
    "M1",
    "PDF→markdown comments + markdown table + ideographic spaces in the number",
    over={"layout": "mdtable"},
    post=[s_spaces("\u3000"), s_pdf2md],
)
H(
    "combo_wrap_soft_cnnum_mail",
    "combo",
    "P1",
    "wrapped values + soft hyphens + Chinese-numeral dates + e-mail headers",
    over={"date_style": "cn_num"},
    post=[
        s_wrap,
        s_soft_hyphen,
        s_prepend(
            ["From: 沈若岚 <shen.ruolan@lanzhou-shuzhi.cn>", "Subject: 资质材料：ICP许可证", ""]
        ),
    ],
)

# ---------------------------------------------------------------------------------------------
# Forgeries: exactly one defect each; key = the line carrying it
# ---------------------------------------------------------------------------------------------

# ---- dates ----
F(
    "d_wmk_before_issue",
    "dates",
    "P1",
    "watermark validity 2022-03-31 before the issue date 2022-06-15",
    "wmk2",
    over={"watermark": ["仅供澜舟数智平台资质审核使用", "有效期至2022年3月31日", "再次复印无效"]},
)
F(
    "d_stamp_before_issue",
    "dates",
    "P2",
    "copy-certification stamp dated 2022-12-01, before the issue date 2023-03-09",
    "stamp",
    over={"stamp": "本复印件与原件核对一致（加盖公章）  核对日期：2022年12月01日"},
)
F(
    "d_clause_date",
    "dates",
    "P2",
    "clause 十二 names an expiry 2028-03-09 that contradicts 有效期至 2025-08-20",
    "c12",
    edits=[
        E("c12", "你公司经营许可证有效期届满", "你公司经营许可证有效期（至2028年03月09日）届满")
    ],
)
F(
    "d_attachment_date",
    "dates",
    "L1",
    "the attachment heading gives 发证日期 2020-09-01, contradicting the front page 2021-09-01",
    "att_head",
    edits=[E("att_head", "相关信息", "相关信息（发证日期：2020年09月01日）")],
)
F(
    "d_over5_P1",
    "dates",
    "P1",
    "expiry 2032-06-15: 10 years after issue (limit 5); still on the number's 5-year cycle",
    "expiry",
    over={"expiry": D(2032, 6, 15)},
)
F(
    "d_over5_M1",
    "dates",
    "M1",
    "expiry 2033-04-12: 10 years after issue (limit 5)",
    "expiry",
    over={"expiry": D(2033, 4, 12)},
)
F(
    "d_offcycle_X1",
    "dates",
    "X1",
    "expiry 2027-09-30: 2027−2021=6 is off the number's 5-year cycle (re-issue must keep 2026)",
    "expiry",
    over={"expiry": D(2027, 9, 30)},
)
F(
    "d_offcycle_P2",
    "dates",
    "P2",
    "expiry 2026-08-20: 2026−2020=6 is off the 5-year cycle",
    "expiry",
    over={"expiry": D(2026, 8, 20)},
)
F(
    "d_issue_before_number_year",
    "dates",
    "X1",
    "issued 2020-11-05 under a number of 2021 (B2-2021…)",
    "issue",
    over={"issue": D(2020, 11, 5), "expiry": D(2021, 9, 30), "as_of": D(2021, 3, 1)},
)
F(
    "d_future_P2",
    "dates",
    "P2",
    "issue date 2024-09-10 after the as-of date 2024-06-01",
    "issue",
    over={"issue": D(2024, 9, 10)},
)
F(
    "d_future_M1",
    "dates",
    "M1",
    "issue date 2025-08-12 after the as-of date 2025-06-01",
    "issue",
    over={"issue": D(2025, 8, 12)},
)

# ---- entities and roles ----
F(
    "e_auth_prefix_P1",
    "entities",
    "P1",
    "authority 江苏省通信管理局 on a 浙 licence",
    "authority",
    over={"authority": "江苏省通信管理局"},
)
F(
    "e_auth_prefix_M1",
    "entities",
    "M1",
    "authority 上海市通信管理局 on a cross-regional (no prefix) licence",
    "authority",
    over={"authority": "上海市通信管理局"},
)
F(
    "e_auth_ministry_on_legacy",
    "entities",
    "L1",
    "authority 工业和信息化部 on a provincial 京ICP证 licence",
    "authority",
    over={"authority": "中华人民共和国工业和信息化部"},
)
F(
    "e_auth_miit_2007",
    "entities",
    "H1",
    "authority 工业和信息化部 on a licence of 2007 (the ministry was 信息产业部 until 2008)",
    "authority",
    over={"authority": "中华人民共和国工业和信息化部"},
)
F(
    "e_auth_mii_2023",
    "entities",
    "X1",
    "authority 信息产业部 on a licence of 2023 (abolished in 2008)",
    "authority",
    over={"authority": "中华人民共和国信息产业部"},
)
F(
    "e_seal_other_province",
    "entities",
    "P2",
    "the seal reads 湖南省通信管理局 on a 粤 licence",
    "seal",
    over={"seal": "（盖章：湖南省通信管理局）"},
)
F(
    "e_holder_person_P1",
    "entities",
    "P1",
    "the holder is a natural person (沈若岚), not a company",
    "company",
    over={"company": "沈若岚"},
)
F(
    "e_holder_getihu",
    "entities",
    "P2",
    "the holder is a 个体工商户 (深圳市南山区鲸帆网络工作室（个体工商户）)",
    "company",
    over={"company": "深圳市南山区鲸帆网络工作室（个体工商户）"},
)
F(
    "e_holder_person_X1",
    "entities",
    "X1",
    "the holder of a cross-regional licence is a natural person (黄子墨)",
    "company",
    over={"company": "黄子墨"},
)
F(
    "e_access_self",
    "entities",
    "P1",
    "the holder names itself as access provider but holds only B25 (no B14 互联网接入服务)",
    "site1.access",
    over={
        "sites": [
            [
                "澜舟数智",
                "lanzhou-shuzhi.cn",
                "浙江省杭州市余杭区五常街道文一西路968号云栖数据中心2号楼",
                "杭州澜舟数智科技有限公司",
            ]
        ]
    },
)
F(
    "e_access_person",
    "entities",
    "L1",
    "the access provider is a natural person (王建国)",
    "site1.access",
    edits=[E("site1.access", "北京星桥数据科技有限公司", "王建国")],
)

# ---- laws cited ----
F(
    "r_swap_6",
    "laws",
    "P1",
    "clause 六 cites 《通信网络安全防护管理办法》 as 令第24号 (it is 第11号)",
    "c6",
    edits=[E("c6", "令第11号", "令第24号")],
)
F(
    "r_swap_7",
    "laws",
    "L1",
    "clause 七 cites 《电信和互联网用户个人信息保护规定》 as 令第11号 (it is 第24号)",
    "c7",
    edits=[E("c7", "令第24号", "令第11号")],
)
F(
    "r_wrong_7_42",
    "laws",
    "P2",
    "clause 七 cites the personal-information rule as 令第42号 (it is 第24号)",
    "c7",
    edits=[E("c7", "令第24号", "令第42号")],
)
F(
    "r_42_before_force",
    "laws",
    "P3",
    "the preamble cites 令第42号 on a licence issued 2017-05-22 (in force 2017-09-01)",
    "preamble",
    over={
        "preamble_law": "根据《中华人民共和国电信条例》、《电信业务经营许可管理办法》（工业和信息化部令第42号）及国家有关规定"
    },
)
F(
    "r_42_wording_before_force",
    "laws",
    "P3",
    "clause 十二 in 42号令 wording (延续, 综合管理信息系统) on a licence issued 2017-05-22",
    "c12",
    over={"items": lambda it: [[k, item_text("C", "c12") if k == "c12" else t] for k, t in it]},
)
F(
    "r_title_6",
    "laws",
    "X1",
    "clause 六: 《通信网络安全防护管理规定》 (the title is …管理办法)",
    "c6",
    edits=[E("c6", "通信网络安全防护管理办法", "通信网络安全防护管理规定")],
)
F(
    "r_title_7",
    "laws",
    "M1",
    "clause 七: 《电信和互联网用户个人信息保护办法》 (the title is …保护规定)",
    "c7",
    edits=[E("c7", "个人信息保护规定", "个人信息保护办法")],
)
F(
    "r_title_invented_5",
    "laws",
    "P2",
    "clause 五 cites an invented 《电信服务质量管理条例》 (template: 《电信服务规范》)",
    "c5",
    edits=[E("c5", "《电信服务规范》", "《电信服务质量管理条例》")],
)
F(
    "r_title_1",
    "laws",
    "L1",
    "clause 一: 《互联网信息服务管理规定》 (the title is …管理办法)",
    "c1",
    edits=[E("c1", "《互联网信息服务管理办法》", "《互联网信息服务管理规定》")],
)
F(
    "r_title_11",
    "laws",
    "X1",
    "clause 十一: 《外商投资电信企业管理办法》 (the title is …管理规定)",
    "c11",
    edits=[E("c11", "外商投资电信企业管理规定", "外商投资电信企业管理办法")],
)
F(
    "r_5_in_2007",
    "laws",
    "H1",
    "a 2007 licence cites 工业和信息化部令第5号 (2009, in force 2009-04-10)",
    "preamble",
    over={
        "preamble_law": "根据《中华人民共和国电信条例》、《电信业务经营许可管理办法》（工业和信息化部令第5号）及国家有关规定"
    },
)
F(
    "r_19_in_2023",
    "laws",
    "M1",
    "a 2023 licence cites 信息产业部令第19号, repealed by 令第5号 in 2009",
    "preamble",
    over={
        "preamble_law": "根据《中华人民共和国电信条例》、《电信业务经营许可证管理办法》（信息产业部令第19号）及国家有关规定"
    },
)

# ---- special provisions as duties ----
F(
    "v_may_9",
    "provisions",
    "P1",
    "clause 九: 应当配合 → 可以配合 (a duty made optional)",
    "c9",
    edits=[E("c9", "你公司应当配合", "你公司可以配合")],
)
F(
    "v_encourage_5",
    "provisions",
    "X1",
    "clause 五: 你公司应当按照 → 鼓励你公司按照 (a duty made an encouragement)",
    "c5",
    edits=[E("c5", "你公司应当按照", "鼓励你公司按照")],
)
F(
    "v_buyi_2",
    "provisions",
    "L1",
    "clause 二: 不得经营或变相经营 → 不宜经营或变相经营",
    "c2",
    edits=[E("c2", "不得经营或变相经营", "不宜经营或变相经营")],
)
F(
    "v_yuanze_3",
    "provisions",
    "M1",
    "clause 三: 不得从无基础电信业务经营许可者处 → 原则上不得…",
    "c3",
    edits=[E("c3", "不得从无", "原则上不得从无")],
)
F(
    "v_kebu_s2",
    "provisions",
    "P2",
    "sub-item (二): 不得开展固定网电话信息服务 → 可不开展",
    "s2",
    edits=[E("s2", "不得开展", "可不开展")],
)
F(
    "v_cond_6",
    "provisions",
    "P3",
    "clause 六 made conditional: 你公司如有条件，应当按照…",
    "c6",
    edits=[E("c6", "你公司应当按照", "你公司如有条件，应当按照")],
)
F(
    "v_cond_s6",
    "provisions",
    "P1",
    "sub-item (六) made conditional: 如有条件，应当…配备…",
    "s6",
    edits=[E("s6", "你公司应当按照", "你公司如有条件，应当按照")],
)
F(
    "v_filing_s1",
    "provisions",
    "P2",
    "sub-item (一): 审批手续 → 报备手续 (approval turned into a filing)",
    "s1",
    edits=[E("s1", "服务项目审批手续", "服务项目报备手续")],
)
F(
    "v_filing_11",
    "provisions",
    "X1",
    "clause 十一: 经批准后方可实施 → 报备后即可实施",
    "c11",
    edits=[E("c11", "经批准后方可实施", "报备后即可实施")],
)
F(
    "v_mixed_8",
    "provisions",
    "P1",
    "clause 八 in template A wording (立即采取应急措施) on a template-B copy",
    "c8",
    edits=[E("c8", "应当按照相关规定及预案立即进行应急处置", "立即采取应急措施")],
)
F(
    "v_mixed_11",
    "provisions",
    "L1",
    "clause 十一 in 5号令 wording (…向我部提出申请) on a template-C copy",
    "c11",
    over={"items": lambda it: [[k, item_text("A", "c11") if k == "c11" else t] for k, t in it]},
)
F(
    "v_removed_5",
    "provisions",
    "M1",
    "clause 五 removed (四 is followed by 六)",
    "c6",
    over={"items": lambda it: [x for x in it if x[0] != "c5"]},
)
F(
    "v_dup_5",
    "provisions",
    "X1",
    "clause 五 duplicated",
    "c5dup",
    over={"items": lambda it: sum(([x, ["c5dup", x[1]]] if x[0] == "c5" else [x] for x in it), [])},
)
F(
    "v_removed_s9",
    "provisions",
    "P2",
    "sub-item (九) removed ((八) is followed by (十))",
    "s10",
    over={"items": lambda it: [x for x in it if x[0] != "s9"]},
)
F(
    "v_deadline_9",
    "provisions",
    "P3",
    "clause 九: 10个工作日内 → 60个工作日内 (a reporting duty diluted)",
    "c9",
    edits=[E("c9", "10个工作日内", "60个工作日内")],
)
F(
    "v_weaken_9",
    "provisions",
    "L1",
    "clause 九: 立即进行处置 → 视情况进行处置",
    "c9",
    edits=[E("c9", "立即进行处置", "视情况进行处置")],
)

# ---- websites ----
F(
    "w_github_io",
    "websites",
    "P1",
    "website on github.io (a private public suffix: the domain is GitHub's, not the holder's)",
    "site1.domain",
    over={
        "sites": [
            [
                "澜舟数智",
                "lanzhou-shuzhi.github.io",
                "浙江省杭州市余杭区五常街道文一西路968号云栖数据中心2号楼",
                "杭州云岫数据科技有限公司",
            ]
        ]
    },
)
F(
    "w_netlify",
    "websites",
    "P2",
    "second website on netlify.app (private suffix)",
    "site2.domain",
    edits=[E("site2.domain", "jingfan-open.net", "jingfan-open.netlify.app")],
)
F(
    "w_gov_cn",
    "websites",
    "L1",
    "a company's website under gov.cn (reserved for government bodies)",
    "site1.domain",
    edits=[E("site1.domain", "mobai-read.com", "mobai-read.gov.cn")],
)
F(
    "w_several",
    "websites",
    "P3",
    "three domains in one 网站域名 field",
    "site1.domain",
    edits=[E("site1.domain", "qianfan-wx.cn", "qianfan-wx.cn、qianfanhulian.com、qianfan.net.cn")],
)
F(
    "w_site_suffix",
    "websites",
    "P1",
    "the site-filing suffix glued into the licence number (浙B2-20220347-1) on every page",
    "number",
    over={"number": "浙B2-20220347-1"},
)
F(
    "w_pages_dev",
    "websites",
    "L1",
    "second website on pages.dev (private suffix)",
    "site2.domain",
    edits=[E("site2.domain", "mobaiwenhua.cn", "mobaiwenhua.pages.dev")],
)

# ---- numbers ----
F(
    "n_b1_icp",
    "numbers",
    "P1",
    "category B1 on a licence whose only business is 信息服务 (B25 is B2)",
    "number",
    over={"number": "浙B1-20220347"},
)
F(
    "n_b2_with_b1",
    "numbers",
    "M1",
    "number B2 only, but the scope grants IDC and CDN (B11, B12 = B1)",
    "number",
    over={"number": "B2-20230145"},
)
F(
    "n_cross_one_province",
    "numbers",
    "X1",
    "a cross-regional licence whose coverage is one province (江苏省)",
    "coverage",
    over={"coverage": "江苏省"},
)
F(
    "n_d3",
    "numbers",
    "P1",
    "a domain-registrar number 浙D3-… given as a value-added licence",
    "number",
    over={"number": "浙D3-20220347"},
)
F(
    "n_filing",
    "numbers",
    "P2",
    "an ICP filing number (粤ICP备2020081512号) given as the licence number",
    "number",
    over={"number": "粤ICP备2020081512号"},
)
F(
    "n_prov_cross_preamble",
    "numbers",
    "P2",
    "a provincial 粤 number with the 特颁发跨地区 preamble",
    "preamble",
    over={"preamble_cross": True},
)
F(
    "n_pre2016_scope",
    "numbers",
    "X1",
    "pre-2016 scope wording (不含固定网电话信息服务和互联网信息服务) on a number of 2021",
    "scope",
    over={"scope": [["scope", "信息服务业务（不含固定网电话信息服务和互联网信息服务）"]]},
)
F(
    "n_b1_edi_2021",
    "numbers",
    "X1",
    "number B1-2021… for 在线数据处理与交易处理业务 + 信息服务 (both B2 in the 2015 catalogue)",
    "number",
    over={
        "number": "B1-20211234",
        "scope": [["scope", "在线数据处理与交易处理业务、信息服务业务（不含互联网信息服务）"]],
    },
)
F(
    "n_b2_idc_2007",
    "numbers",
    "H1",
    "a 2007 number B2-… for 在线数据处理与交易处理业务 (第一类 in the 2003 catalogue)",
    "number",
    over={
        "number": "B2-20070456",
        "scope": [["scope", "在线数据处理与交易处理业务、国内多方通信服务业务"]],
    },
)

# ---- combined: a harmless surface with one defect ----
F(
    "k_html_wmk",
    "combined",
    "P1",
    "HTML entities + watermark validity before issue",
    "wmk2",
    over={"watermark": ["仅供澜舟数智平台资质审核使用", "有效期至2022年3月31日", "再次复印无效"]},
    post=[s_html],
)
F(
    "k_linenums_swap7",
    "combined",
    "L1",
    "viewer line numbers + clause 七 cites 令第11号",
    "c7",
    edits=[E("c7", "令第24号", "令第11号")],
    post=[s_linenums],
)
F(
    "k_fw_offcycle",
    "combined",
    "X1",
    "full-width digits + expiry 2027-09-30 off the 5-year cycle",
    "expiry",
    over={"expiry": D(2027, 9, 30)},
    post=[s_fullwidth_numbers_dates],
)
F(
    "k_chat_future",
    "combined",
    "P2",
    "chat headers + issue date after as-of",
    "issue",
    over={"issue": D(2024, 9, 10)},
    post=[s_chat],
)
F(
    "k_twocol_b2",
    "combined",
    "M1",
    "two-column extraction + number B2 with B1 services",
    "number",
    over={"number": "B2-20230145", "layout": "twocol"},
)
F(
    "k_quote_buyi_4",
    "combined",
    "P3",
    "e-mail quote + clause 四: 不得向未经许可 → 不宜向未经许可",
    "c4",
    edits=[E("c4", "不得向未经许可", "不宜向未经许可")],
    post=[
        s_email_quote("On Fri, Mar 1, 2019 at 9:30 AM 钱一鸣 <qian.yiming@qianfan-wx.cn> wrote:")
    ],
)
F(
    "k_pandoc_access_self",
    "combined",
    "P1",
    "pdf→markdown + holder as its own access provider without B14",
    "site1.access",
    over={
        "sites": [
            [
                "澜舟数智",
                "lanzhou-shuzhi.cn",
                "浙江省杭州市余杭区五常街道文一西路968号云栖数据中心2号楼",
                "杭州澜舟数智科技有限公司",
            ]
        ]
    },
    post=[s_pdf2md],
)
F(
    "k_cnnum_offcycle",
    "combined",
    "P2",
    "Chinese-numeral dates + expiry 2026-08-20 off the 5-year cycle",
    "expiry",
    over={"expiry": D(2026, 8, 20), "date_style": "cn_num"},
)


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------


def q(s):
    return json.dumps(s, ensure_ascii=False)


def write(path, L, b):
    eol = b.get("_eol", "\n")
    text = eol.join(t for _, t in L) + eol
    data = text.encode("utf-8")
    if b.get("_bom"):
        data = b"\xef\xbb\xbf" + data
    with open(path, "wb") as f:
        f.write(data)


MD_SURFACES = (s_md_quote, s_md_bold, s_setext, s_md_list, s_pandoc, s_pdf2md)


def ext_for(b, post):
    """.md for markdown-shaped copies, .txt otherwise (HTML copies too: platforms store them as text)."""
    if s_html in post:
        return ".txt"
    md = b.get("md") or b.get("layout") == "mdtable" or b.get("sites_table") or any(p in post for p in MD_SURFACES)
    return ".md" if md else ".txt"


def main():
    out = os.path.join(HERE, "copies")
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "harmless"))
    os.makedirs(os.path.join(out, "forged"))
    rec = []
    seen = set()
    for id_, fam, base, what, over, post in HARMLESS:
        assert id_ not in seen
        seen.add(id_)
        b, L = mk(base, over, post)
        rel = f"copies/harmless/{id_}{ext_for(b, post)}"
        write(os.path.join(HERE, rel), L, b)
        rec.append(
            dict(
                id=id_,
                path=rel,
                base=base,
                kind="harmless",
                family=fam,
                what=what,
                as_of=b["as_of"].isoformat(),
            )
        )
    for id_, fam, base, defect, over, edits, key, post in FORGED:
        assert id_ not in seen
        seen.add(id_)
        b = dict(BASES[base])
        b.update(over)
        L = build(b)
        for e in edits:
            L = e(L)
        for f in post:
            L = f(L)
        line = find(L, key) + 1
        rel = f"copies/forged/{id_}{ext_for(b, post)}"
        write(os.path.join(HERE, rel), L, b)
        rec.append(
            dict(
                id=id_,
                path=rel,
                base=base,
                kind="forged",
                family=fam,
                defect=defect,
                line=line,
                line_text=L[line - 1][1][:60],
                as_of=b["as_of"].isoformat(),
            )
        )
    with open(os.path.join(HERE, "manifest.toml"), "w", encoding="utf-8") as f:
        f.write("# Held-out meaning set for liclint, written by make.py (do not edit by hand).\n")
        f.write(
            "# kind = harmless: must give no warning or error.  kind = forged: one defect, on `line` (1-based).\n\n"
        )
        f.write("[bases]\n")
        for k, v in BASES.items():
            f.write(f"{k} = {q(v['desc'])}\n")
        f.write("\n")
        for r in rec:
            f.write("[[copy]]\n")
            for k in (
                "id",
                "path",
                "base",
                "kind",
                "family",
                "what",
                "defect",
                "line",
                "line_text",
                "as_of",
            ):
                if k in r:
                    v = r[k]
                    f.write(f"{k} = {v if isinstance(v, int) else q(v)}\n")
            f.write("\n")
    nh = sum(r["kind"] == "harmless" for r in rec)
    print(f"wrote {len(rec)} copies ({nh} harmless, {len(rec) - nh} forged) and manifest.toml")


if __name__ == "__main__":
    main()
